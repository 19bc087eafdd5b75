using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// count-window.json (format count-window/1), whose expectations were worked out by hand from the README's rules:
/// the library's <see cref="IntermediateBreaker"/> on a fake clock reproduces every step, the file keeps the format's
/// rules, and the copy embedded in the library is the file on disk.
/// </summary>
public class CountWindowScenarioFileTests
{
    private static string FilePath => Path.Combine(Repository.Root, "data", "resilience", "breaker-scenarios", "count-window.json");

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in BreakerScenarioFiles.ParseCountWindow(File.ReadAllText(FilePath), "count-window.json"))
        {
            data.Add(s.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void IntermediateBreaker_ReproducesEveryStep(string name)
    {
        var scenario = BreakerScenarioFiles.ParseCountWindow(File.ReadAllText(FilePath), "count-window.json").Single(s => s.Name == name);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var breaker = new IntermediateBreaker(scenario.Settings.ToOptions(), clock);

        foreach (var (step, i) in scenario.Steps.Select((s, i) => (s, i)))
        {
            clock.SetUtcNow(start + TimeSpan.FromSeconds(step.Time));
            bool admitted = false;
            if (step.Outcome != StepOutcome.None && (admitted = breaker.AllowRequest()))
            {
                if (step.Outcome == StepOutcome.Success)
                {
                    breaker.RecordSuccess();
                }
                else
                {
                    breaker.RecordFailure();
                }
            }

            Assert.True(admitted == step.Admitted && breaker.State == step.State,
                $"{name}, step {i + 1} at {step.Time} s: expected admitted={step.Admitted}, {step.State}; IntermediateBreaker: admitted={admitted}, {breaker.State}");
        }
    }

    [Fact]
    public void TheFile_KeepsTheFormatsRules()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))!;
        Assert.Equal("count-window/1", (string?)root["format"]);
        foreach (var scenario in root["scenarios"]!.AsArray())
        {
            int window = (int)scenario!["windowSize"]!;
            int minimum = (int)scenario["minimumCalls"]!;
            double ratio = (double)scenario["failureRatio"]!;
            Assert.InRange(minimum, 1, window);
            Assert.True(ratio is > 0 and <= 1);
            Assert.True((double)scenario["openDuration"]! > 0);
            Assert.True((int)scenario["halfOpenProbes"]! >= 1);
            double last = double.NegativeInfinity;
            foreach (var step in scenario["steps"]!.AsArray())
            {
                double time = (double)step!["time"]!;
                Assert.True(time >= last, "time never decreases");
                last = time;
                if ((string?)step["outcome"] == "none")
                {
                    Assert.False((bool)step["admitted"]!); // a reading makes no call
                }
            }
        }
    }

    [Fact]
    public void TheEmbeddedCopy_IsTheFileOnDisk()
    {
        var onDisk = BreakerScenarioFiles.ParseCountWindow(File.ReadAllText(FilePath), BreakerScenarioFiles.CountWindowFile);
        var embedded = BreakerScenarioFiles.CountWindow;

        Assert.Equal(onDisk.Count, embedded.Count);
        Assert.All(onDisk.Zip(embedded), pair =>
        {
            Assert.Equal(pair.First.Settings, pair.Second.Settings);
            Assert.Equal(pair.First.Steps, pair.Second.Steps);
        });
    }

    [Fact]
    public void TheProductionFiles_AreAllEmbedded()
    {
        var onDisk = ScenarioFilesOnDisk.Names().ToList();

        Assert.Equal(onDisk, BreakerScenarioFiles.Production.Select(s => Path.GetFileNameWithoutExtension(s.File)));
    }
}
