using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// Runs a scenario (a <c>public static Task</c> method of a test class, e.g. <see cref="CoyoteBreakerScenarios"/>) under Coyote's systematic testing engine. Coyote
/// controls only rewritten code, and the assemblies xunit loaded are not rewritten, so the harness copies
/// Workbook.Core.dll and this test assembly, rewrites the copies with the pinned <c>coyote</c> tool
/// (dotnet-tools.json), loads them into their own <see cref="AssemblyLoadContext"/> and hands the scenario
/// in that context to the engine. The rest of the test suite keeps running the original assemblies.
/// See docs/coyote.md.
/// </summary>
internal static class CoyoteHarness
{
    private static readonly Lazy<RewrittenAssemblies> Rewritten = new(Rewrite, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Explores up to <paramref name="iterations"/> schedules of a <see cref="CoyoteBreakerScenarios"/> scenario with the seeded random strategy; stops at the first bug.</summary>
    public static CoyoteOutcome Explore(string scenario, int iterations, uint seed) =>
        Explore(typeof(CoyoteBreakerScenarios), scenario, iterations, seed);

    /// <summary>Replays one schedule of a <see cref="CoyoteBreakerScenarios"/> scenario (the <see cref="CoyoteOutcome.ReproducibleTrace"/> of a failing run).</summary>
    public static CoyoteOutcome Replay(string scenario, string trace) => Replay(typeof(CoyoteBreakerScenarios), scenario, trace);

    /// <summary>
    /// Explores a <c>public static Task</c> scenario of <paramref name="scenarios"/>. With <paramref name="memoryAccesses"/>
    /// the engine runs with memory-access race checking: every field load and store of the rewritten code (the rewriter
    /// instruments them by default, <c>--rewrite-memory-locations</c> is on) becomes a scheduling point (docs/coyote.md).
    /// </summary>
    public static CoyoteOutcome Explore(Type scenarios, string scenario, int iterations, uint seed, bool memoryAccesses = false) =>
        Run(scenarios, scenario, memoryAccesses, Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomStrategy()
            .WithRandomGeneratorSeed(seed));

    /// <summary>Replays one schedule of a scenario of <paramref name="scenarios"/> (with the memory-access setting it was found with).</summary>
    public static CoyoteOutcome Replay(Type scenarios, string scenario, string trace, bool memoryAccesses = false) =>
        Run(scenarios, scenario, memoryAccesses, Configuration.Create().WithReproducibleTrace(trace));

    private static CoyoteOutcome Run(Type scenarios, string scenario, bool memoryAccesses, Configuration configuration)
    {
        var test = Rewritten.Value.Scenario(scenarios, scenario);
        configuration = configuration.WithMemoryAccessRaceCheckingEnabled(memoryAccesses);
        WarmUp($"{scenarios.FullName}.{scenario}/{memoryAccesses}", test, memoryAccesses);
        var watch = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration.WithVerbosityEnabled(VerbosityLevel.None).WithTelemetryEnabled(false), test);
        engine.Run();
        watch.Stop();
        var report = engine.TestReport;
        return new CoyoteOutcome(
            report.NumOfFoundBugs,
            report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths,
            string.Join(Environment.NewLine, report.BugReports),
            engine.ReproducibleTrace,
            watch.Elapsed);
    }

    /// <summary>
    /// Runs one schedule of a scenario (result ignored) before its first exploration in this process. Measured: the very
    /// first run in a process (type initialisers, first JIT) can schedule differently from later ones, so a trace
    /// found there did not replay. After one warm-up run, exploring and replaying see the same program.
    /// </summary>
    private static void WarmUp(string scenario, Func<Task> test, bool memoryAccesses)
    {
        lock (Warmed)
        {
            if (Warmed.Add(scenario))
            {
                var once = Configuration.Create().WithTestingIterations(1).WithRandomGeneratorSeed(0)
                    .WithMemoryAccessRaceCheckingEnabled(memoryAccesses)
                    .WithVerbosityEnabled(VerbosityLevel.None).WithTelemetryEnabled(false);
                using var engine = TestingEngine.Create(once, test);
                engine.Run();
            }
        }
    }

    private static readonly HashSet<string> Warmed = [];

    private static RewrittenAssemblies Rewrite()
    {
        var bin = AppContext.BaseDirectory;
        var repo = new DirectoryInfo(bin);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "dotnet-tools.json")))
        {
            repo = repo.Parent;
        }

        if (repo is null)
        {
            Assert.Fail($"no dotnet-tools.json above {bin}: cannot find the pinned coyote tool");
        }

        var output = Directory.CreateTempSubdirectory("workbook-coyote-").FullName; // a copy of the bin folder, about 130 files
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        var config = Path.Combine(output, "rewrite.coyote.json");
        File.WriteAllText(config, $$"""
            { "AssembliesPath": "{{bin.Replace("\\", "/")}}", "OutputPath": "{{output.Replace("\\", "/")}}",
              "Assemblies": [ "Workbook.Core.dll", "Workbook.Core.Tests.dll" ] }
            """);
        var noTelemetry = new Dictionary<string, string> { ["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1" };
        var run = ToolRequirement.Run("dotnet", repo!.FullName, noTelemetry, "tool", "run", "coyote", "--", "rewrite", config);
        if (run.ExitCode != 0 || !File.Exists(Path.Combine(output, "Workbook.Core.Tests.dll")))
        {
            const string hint = "run 'dotnet tool restore' (./workbook.sh setup does it) to install the pinned coyote tool";
            bool notInstalled = run.Output.Contains("dotnet tool restore", StringComparison.Ordinal);
            if (notInstalled && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Skip($"the coyote tool is not installed: {hint}.");
            }

            Assert.Fail($"coyote rewrite failed (exit {run.ExitCode}); {hint}. Output: {run.Output}");
        }

        return new RewrittenAssemblies(output);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class RewrittenAssemblies(string directory)
    {
        private readonly Assembly _tests = new RewrittenContext(directory).LoadFromAssemblyPath(Path.Combine(directory, "Workbook.Core.Tests.dll"));

        public Func<Task> Scenario(Type scenarios, string name)
        {
            var type = _tests.GetType(scenarios.FullName!, throwOnError: true)!;
            var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)
                ?? throw new ArgumentException($"no public static scenario '{name}' in {type.FullName}", nameof(name));
            return method.CreateDelegate<Func<Task>>();
        }
    }

    /// <summary>Loads the two rewritten assemblies from their folder; everything else (Coyote, xunit, the BCL) is shared with the default context.</summary>
    private sealed class RewrittenContext(string directory) : AssemblyLoadContext("coyote-rewritten", isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is "Workbook.Core" or "Workbook.Core.Tests"
                ? LoadFromAssemblyPath(Path.Combine(directory, assemblyName.Name + ".dll"))
                : null;
    }
}

/// <summary>One Coyote run: bugs found (0 or 1: the engine stops at the first), schedules explored, the bug report and the schedule to replay it.</summary>
internal sealed record CoyoteOutcome(int BugsFound, int Iterations, string BugReport, string ReproducibleTrace, TimeSpan Elapsed);
