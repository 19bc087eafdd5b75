using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Exercises;

public class ExerciseCatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var exercise in ExerciseCatalog.All)
        {
            data.Add(exercise.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryExercise_ReferencePasses_AndEveryKnownMistakeFails(string id)
    {
        var exercise = ExerciseCatalog.Get(id);

        Assert.Equal(CheckStatus.Passed, ExerciseChecker.Check(exercise, exercise.Reference).Status);
        Assert.NotEmpty(exercise.KnownMistakes);
        foreach (var mistake in exercise.KnownMistakes)
        {
            var result = ExerciseChecker.Check(exercise, mistake.Answer);
            Assert.Equal(CheckStatus.Failed, result.Status);
            Assert.Equal(mistake.Hint, result.Hint);
        }
    }

    [Fact]
    public void Ids_AreUnique_AndValid()
    {
        Assert.Equal(ExerciseCatalog.All.Count, ExerciseCatalog.All.Select(e => e.Id).Distinct().Count());
        foreach (var exercise in ExerciseCatalog.All)
        {
            exercise.Validate();
        }
    }

    [Fact]
    public void EveryEpisodeWithExercises_CoversAllThreeTracks()
    {
        foreach (var episode in ExerciseCatalog.All.GroupBy(e => e.Episode))
        {
            Assert.Equal(Enum.GetValues<Track>().Order(), episode.Select(e => e.Track).Distinct().Order());
        }
    }

    [Fact]
    public void UnknownId_ThrowsWithTheKnownIds()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ExerciseCatalog.Get("ep01.nope"));
        Assert.Contains("Known ids", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ep1.half")]
    [InlineData("ep100.half")]
    [InlineData("ep01.Half")]
    [InlineData("half")]
    public void Exercise_WithAMalformedId_IsRejectedWhenTheIdIsSet(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new Exercise
        {
            Id = id,
            Title = "Half",
            Track = Track.Beginner,
            Signature = "double Half(double x)",
            Reference = (Func<double, double>)(x => x / 2),
            Cases = [[1.0]],
            Hints = ["Divide by two."],
        });

        Assert.Equal("Id", error.ParamName);
        Assert.Contains("'epNN.' followed by lowercase kebab-case words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Episode_IsReadFromTheId()
    {
        Assert.All(ExerciseCatalog.All, e => Assert.Equal(int.Parse(e.Id.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture), e.Episode));
    }
}
