using System.Globalization;

namespace Workbook.Core;

/// <summary>
/// Argument checks shared by the whole library. Each check returns the value it accepted, so it
/// can sit inside a field initializer, and throws an exception that names the parameter and
/// states the allowed range.
/// </summary>
/// <remarks>
/// Every numeric check rejects NaN and both infinities explicitly: NaN fails every comparison, so
/// <c>if (x &lt; 0) throw</c> lets it through to poison every result computed from it. Messages follow
/// one pattern, <c>"distanceKm must be a finite number &gt;= 0; got NaN."</c>, with values in the
/// invariant culture, so a learner reads what would have been right.
/// </remarks>
internal static class Guard
{
    /// <summary>Accepts any finite number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static double Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw OutOfRange(paramName, "a finite number", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number &gt;= 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or negative.</exception>
    public static double NonNegativeFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw OutOfRange(paramName, "a finite number >= 0", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, zero or negative.</exception>
    public static double PositiveFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw OutOfRange(paramName, "a finite number > 0", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number &gt;= <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or below the minimum.</exception>
    public static double AtLeastFinite(double value, double minimum, string paramName)
    {
        if (!double.IsFinite(value) || value < minimum)
        {
            throw OutOfRange(paramName, $"a finite number >= {Format(minimum)}", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number in the closed interval [<paramref name="low"/>, <paramref name="high"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside the interval.</exception>
    public static double InRangeInclusive(double value, double low, double high, string paramName)
    {
        if (!double.IsFinite(value) || value < low || value > high)
        {
            throw OutOfRange(paramName, $"a finite number in [{Format(low)}, {Format(high)}]", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number in the half-open interval (<paramref name="lowExclusive"/>, <paramref name="highInclusive"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside the interval.</exception>
    public static double InRangeExclusiveInclusive(double value, double lowExclusive, double highInclusive, string paramName)
    {
        if (!double.IsFinite(value) || value <= lowExclusive || value > highInclusive)
        {
            throw OutOfRange(
                paramName, $"a finite number in ({Format(lowExclusive)}, {Format(highInclusive)}]", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number in the open interval (<paramref name="lowExclusive"/>, <paramref name="highExclusive"/>).</summary>
    /// <remarks>Used for probabilities that may be neither 0 nor 1, such as the level of a percentile.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside the interval.</exception>
    public static double InRangeExclusive(double value, double lowExclusive, double highExclusive, string paramName)
    {
        if (!double.IsFinite(value) || value <= lowExclusive || value >= highExclusive)
        {
            throw OutOfRange(
                paramName, $"a finite number in ({Format(lowExclusive)}, {Format(highExclusive)})", value);
        }

        return value;
    }

    /// <summary>Accepts a finite number in [0, 1): a utilisation, which must stay below 1 for a queue to be stable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, negative, or 1 or more.</exception>
    public static double UnitIntervalOpenRight(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0 || value >= 1)
        {
            throw OutOfRange(paramName, "a finite number in [0, 1)", value);
        }

        return value;
    }

    /// <summary>Accepts an integer &gt;= 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static int NonNegative(int value, string paramName)
    {
        if (value < 0)
        {
            throw OutOfRange(paramName, "an integer >= 0", value.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>Accepts an integer &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public static int Positive(int value, string paramName)
    {
        if (value <= 0)
        {
            throw OutOfRange(paramName, "an integer > 0", value.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>Accepts a probability: a finite number in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside [0, 1].</exception>
    public static double Probability(double value, string paramName) => InRangeInclusive(value, 0, 1, paramName);

    /// <summary>Accepts an integer &gt;= <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below the minimum.</exception>
    public static int AtLeast(int value, int minimum, string paramName)
    {
        if (value < minimum)
        {
            throw OutOfRange(
                paramName,
                $"an integer >= {minimum.ToString(CultureInfo.InvariantCulture)}",
                value.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>Accepts a string with at least one non-white-space character.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value is empty or white space.</exception>
    public static string NotBlank(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName} must contain text; got an empty or blank string.", paramName);
        }

        return value;
    }

    /// <summary>Formats a number the way every message in the library shows it.</summary>
    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static ArgumentOutOfRangeException OutOfRange(string paramName, string allowed, double value) =>
        OutOfRange(paramName, allowed, Format(value));

    /// <summary>
    /// Builds the library's out-of-range exception for a check that the helpers above cannot express,
    /// such as a limit on a product of two parameters, in the same "x must be …; got …." pattern.
    /// </summary>
    internal static ArgumentOutOfRangeException OutOfRange(string paramName, string allowed, string value) =>
        new(paramName, $"{paramName} must be {allowed}; got {value}.");
}
