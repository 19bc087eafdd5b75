using System.Globalization;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Exercises;

/// <summary>
/// One row of a reference-answer test: an exercise, its arguments, and an expected value that does not
/// come from the reference (hand arithmetic, a published value, an oracle of the test project, or a
/// property), with the relative tolerance it is compared at. A zero or infinite expectation is exact.
/// </summary>
public sealed record ReferenceValue(string Id, object?[] Arguments, double Expected, double RelativeTolerance, string Source)
{
    /// <summary>For an answer that is not a number (a record, a list): the expected value, compared by equality (lists element by element).</summary>
    public ReferenceValue(string id, object?[] arguments, object expected, string source)
        : this(id, arguments, double.NaN, 0, source)
    {
        ExpectedObject = expected;
    }

    public object? ExpectedObject { get; }

    public override string ToString() =>
        $"{Id}({string.Join(", ", Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))}) = {Expected.ToString("G10", CultureInfo.InvariantCulture)} [{Source}]";
}

/// <summary>Runs <see cref="ReferenceValue"/> rows against the catalog's references.</summary>
internal static class ReferenceValues
{
    public static void AssertReferenceMatches(ReferenceValue row)
    {
        var exercise = ExerciseCatalog.Get(row.Id);
        if (row.ExpectedObject is { } expectedObject)
        {
            var answer = exercise.Reference.DynamicInvoke(row.Arguments);
            if (expectedObject is System.Collections.IEnumerable items && answer is System.Collections.IEnumerable got)
            {
                Assert.Equal(items.Cast<object?>(), got.Cast<object?>());
            }
            else
            {
                Assert.Equal(expectedObject, answer);
            }

            return;
        }

        var actual = Convert.ToDouble(exercise.Reference.DynamicInvoke(row.Arguments), CultureInfo.InvariantCulture);

        if (row.Expected == 0 || double.IsInfinity(row.Expected))
        {
            Assert.True(actual == row.Expected, $"{row}: the reference gives {actual:R}");
            return;
        }

        var relativeError = Math.Abs(actual - row.Expected) / Math.Abs(row.Expected);
        Assert.True(relativeError <= row.RelativeTolerance,
            $"{row}: the reference gives {actual:R}, relative error {relativeError:E2} > {row.RelativeTolerance:E1}");
    }

    /// <summary>Every exercise of the episode has at least one row, and every row names one of its exercises.</summary>
    public static void AssertCoversEveryExercise(int episode, IEnumerable<ReferenceValue> rows)
    {
        var ids = ExerciseCatalog.ForEpisode(episode).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids, rows.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal));
    }

    public static TheoryData<ReferenceValue> AsTheoryData(IEnumerable<ReferenceValue> rows)
    {
        var data = new TheoryData<ReferenceValue>();
        foreach (var row in rows)
        {
            data.Add(row);
        }

        return data;
    }
}
