namespace Workbook.Core.Tests;

/// <summary>
/// The one assertion for the library's bad-input rule: bad input throws an
/// <see cref="ArgumentOutOfRangeException"/> (or, for a value that is not a range, an
/// <see cref="ArgumentException"/>) whose <see cref="ArgumentException.ParamName"/> names the
/// parameter and whose message states the allowed range.
/// </summary>
internal static class BadInput
{
    /// <summary>
    /// Asserts that <paramref name="act"/> throws an <see cref="ArgumentOutOfRangeException"/> naming
    /// <paramref name="parameter"/> whose message contains <paramref name="allowedRangeText"/>
    /// (e.g. "must be a finite number in (0, 1]").
    /// </summary>
    public static ArgumentOutOfRangeException Rejects(Action act, string parameter, string allowedRangeText)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(act);
        AssertNamesParameterAndRange(error, parameter, allowedRangeText);
        return error;
    }

    /// <summary>
    /// As <see cref="Rejects"/>, but also accepts a plain <see cref="ArgumentException"/> (never an
    /// <see cref="ArgumentNullException"/>): for inputs whose rule is not a numeric range.
    /// </summary>
    public static ArgumentException RejectsArgument(Action act, string parameter, string allowedText)
    {
        var error = Assert.ThrowsAny<ArgumentException>(act);
        Assert.True(error is ArgumentOutOfRangeException || error.GetType() == typeof(ArgumentException),
            $"expected ArgumentOutOfRangeException or ArgumentException, got {error.GetType().Name}: {error.Message}");
        AssertNamesParameterAndRange(error, parameter, allowedText);
        return error;
    }

    private static void AssertNamesParameterAndRange(ArgumentException error, string parameter, string allowedRangeText)
    {
        Assert.Equal(parameter, error.ParamName);
        Assert.False(string.IsNullOrWhiteSpace(allowedRangeText), "state the allowed range the message must contain");
        Assert.Contains(allowedRangeText, error.Message, StringComparison.Ordinal);
    }
}
