using System.Globalization;

namespace Workbook.Core.Resilience.Breakers.Predictive;

/// <summary>One feature's part in one prediction: raw value, standardized value, weight and contribution w·z to the log-odds.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Raw">The raw value.</param>
/// <param name="Standardized">z = (raw − mean) / sd.</param>
/// <param name="Weight">w, the model's coefficient.</param>
/// <param name="Contribution">w·z, in log-odds.</param>
public sealed record FeatureContribution(string Feature, double Raw, double Standardized, double Weight, double Contribution);

/// <summary>Why the predictive breaker tripped at one step.</summary>
/// <param name="Seed">The evaluation trace's seed.</param>
/// <param name="Step">The step.</param>
/// <param name="StepsBeforeOutage">Steps from the trip to the outage's first step.</param>
/// <param name="Bias">The intercept.</param>
/// <param name="Contributions">One row per feature.</param>
/// <param name="LogOdds">Bias + Σ contributions.</param>
/// <param name="Probability">σ(log-odds).</param>
public sealed record TripExplanation(long Seed, int Step, int StepsBeforeOutage, double Bias, IReadOnlyList<FeatureContribution> Contributions, double LogOdds, double Probability);

/// <summary>Detection by outage kind, for one breaker.</summary>
/// <param name="Breaker">"predictive" or "failure ratio".</param>
/// <param name="Kind">The outage kind.</param>
/// <param name="Outages">Outages of that kind across the evaluation traces.</param>
/// <param name="Detected">Detected outages.</param>
/// <param name="MeanDelaySeconds">Mean delay of the detected ones (negative: before the outage); 0 when none was detected.</param>
public sealed record DetectionSummary(string Breaker, IncidentKind Kind, int Outages, int Detected, double MeanDelaySeconds);

/// <summary>The options of <see cref="PredictiveBreakerStudy"/>.</summary>
public sealed record PredictiveStudyOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="trainSeed">The training trace's seed.</param>
    /// <param name="evaluationSeeds">The evaluation traces' seeds; at least one, none equal to the training seed.</param>
    /// <param name="horizon">H, steps ahead the model predicts; in [1, 60].</param>
    /// <param name="openSteps">Steps a breaker stays open after a trip; &gt;= 1.</param>
    /// <param name="telemetry">The trace options; null means the defaults.</param>
    /// <param name="ratioCondition">The failure-ratio breaker's condition over one step's calls; null means Polly's ratio 0.1 with minimum throughput 20 on a 10 s window.</param>
    /// <exception cref="ArgumentException">A parameter is outside its range.</exception>
    public PredictiveStudyOptions(long trainSeed = 2201, IReadOnlyList<long>? evaluationSeeds = null, int horizon = 6, int openSteps = 3, TelemetryOptions? telemetry = null, TripCondition? ratioCondition = null)
    {
        TrainSeed = trainSeed;
        EvaluationSeeds = evaluationSeeds ?? [2202, 2203, 2204];
        if (EvaluationSeeds.Count == 0 || EvaluationSeeds.Contains(trainSeed))
        {
            throw new ArgumentException($"{nameof(evaluationSeeds)} must hold at least one seed, none equal to {nameof(trainSeed)} ({trainSeed}).", nameof(evaluationSeeds));
        }

        Horizon = Guard.AtLeast(horizon, 1, nameof(horizon));
        if (horizon > 60)
        {
            throw Guard.OutOfRange(nameof(horizon), "an integer in [1, 60]", horizon.ToString(CultureInfo.InvariantCulture));
        }

        OpenSteps = Guard.AtLeast(openSteps, 1, nameof(openSteps));
        Telemetry = telemetry ?? new TelemetryOptions();
        RatioCondition = ratioCondition ?? new TripCondition(SlidingWindowKind.TimeBased, (int)Telemetry.StepSeconds, 20, 0.1, TripComparison.RatioAtLeast);
    }

    /// <summary>The training seed (default 2201).</summary>
    public long TrainSeed { get; }

    /// <summary>The evaluation seeds (default 2202, 2203, 2204).</summary>
    public IReadOnlyList<long> EvaluationSeeds { get; }

    /// <summary>H (default 6 steps, one minute).</summary>
    public int Horizon { get; }

    /// <summary>Steps open after a trip (default 3, 30 s).</summary>
    public int OpenSteps { get; }

    /// <summary>The telemetry options.</summary>
    public TelemetryOptions Telemetry { get; }

    /// <summary>The failure-ratio breaker's trip condition, applied to each step's calls.</summary>
    public TripCondition RatioCondition { get; }
}

/// <summary>One evaluated step: both scores and its label.</summary>
/// <param name="Seed">The trace's seed.</param>
/// <param name="Step">The step.</param>
/// <param name="Predictive">The model's probability, recorded before any later update.</param>
/// <param name="ErrorRate">The failure ratio breaker's score, the step's error rate.</param>
/// <param name="OutageAhead">Whether an outage starts within the horizon.</param>
/// <param name="UpcomingKind">The kind of that outage (meaningful only when <paramref name="OutageAhead"/>; <see cref="IncidentKind.BenignSpike"/> otherwise).</param>
public sealed record ScoredStep(long Seed, int Step, double Predictive, double ErrorRate, bool OutageAhead, IncidentKind UpcomingKind);

/// <summary>The result of <see cref="PredictiveBreakerStudy.Run"/>.</summary>
public sealed record PredictiveStudyResult(
    PredictiveStudyOptions Options,
    FeatureScaling Scaling,
    IReadOnlyList<double> TrainedWeights,
    double TrainedBias,
    double Threshold,
    RocCurve PredictiveRoc,
    RocCurve RatioRoc,
    double PredictiveMannWhitney,
    double RatioMannWhitney,
    double PredictiveAreaSudden,
    double RatioAreaSudden,
    double PredictiveAreaDrift,
    double RatioAreaDrift,
    double PredictiveFalseTripsPerHour,
    double RatioFalseTripsPerHour,
    IReadOnlyList<DetectionSummary> Detections,
    double RatioPredictedBaselineFalseTripsPerHour,
    double RatioMeasuredBaselineFalseTripsPerHour,
    double RatioMeasuredBaselineStandardError,
    TripExplanation? Explanation,
    IReadOnlyList<ScoredStep> Evaluation)
{
    /// <summary>The ROC curve of one score over quiet steps, keeping only the positives before outages of <paramref name="kind"/>.</summary>
    /// <param name="kind">The outage kind.</param>
    /// <param name="predictive">true: the model's score; false: the error rate.</param>
    public RocCurve RocFor(IncidentKind kind, bool predictive)
    {
        var kept = Evaluation.Where(e => !e.OutageAhead || e.UpcomingKind == kind).ToArray();
        return RocAnalysis.Compute(kept.Select(e => predictive ? e.Predictive : e.ErrorRate).ToArray(), kept.Select(e => e.OutageAhead).ToArray());
    }
}

/// <summary>
/// Trains an online logistic regression on one seeded trace to predict "an outage within the next H
/// steps", then compares it on other seeds with a plain failure-ratio breaker on the same telemetry:
/// ROC areas, false trips per hour and detection delay by outage kind.
/// </summary>
/// <remarks>
/// Labels arrive late, as in production: the label of step t is known only at t + H, so the model
/// learns from step t − H at step t, on the training trace and, prequentially, on the evaluation traces
/// (each score is recorded before any later update). The predictive threshold is chosen on the training
/// trace as the lowest whose false-trip rate does not exceed the ratio breaker's there. ROC areas use the
/// steps not already in an outage. The ratio breaker's baseline false-trip rate is predicted from
/// episode 13's binomial tail and checked on a healthy trace.
/// </remarks>
public static class PredictiveBreakerStudy
{
    /// <summary>Runs the study.</summary>
    /// <param name="options">The options; null means the defaults.</param>
    public static PredictiveStudyResult Run(PredictiveStudyOptions? options = null)
    {
        options ??= new PredictiveStudyOptions();
        int h = options.Horizon;
        var train = SyntheticTelemetry.Generate(options.Telemetry, options.TrainSeed);
        var scaling = FeatureScaling.Fit(train);
        var model = new OnlineLogisticRegression(OutageFeatures.Names.Count);
        var trainScores = ScoreOnline(model, train, scaling, h);
        var trainedWeights = model.Weights;
        double trainedBias = model.Bias;
        var trainRatio = RatioScores(train, options.RatioCondition);
        double ratioTrainRate = BreakerReplay.Run(train, trainRatio, 1, options.OpenSteps, h).FalseTripsPerHour;
        double threshold = 0.95;
        for (int i = 1; i <= 95; i++)
        {
            double th = i / 100.0;
            if (BreakerReplay.Run(train, trainScores, th, options.OpenSteps, h).FalseTripsPerHour <= ratioTrainRate)
            {
                threshold = th;
                break;
            }
        }

        var pScores = new List<double>();
        var rScores = new List<double>();
        var labels = new List<bool>();
        var kinds = new List<IncidentKind?>();
        var evaluation = new List<ScoredStep>();
        var predictiveRuns = new List<BreakerReplayResult>();
        var ratioRuns = new List<BreakerReplayResult>();
        TripExplanation? explanation = null;
        foreach (long seed in options.EvaluationSeeds)
        {
            var trace = SyntheticTelemetry.Generate(options.Telemetry, seed);
            var scores = ScoreOnline(model, trace, scaling, h, out var snapshots);
            var ratio = RatioScores(trace, options.RatioCondition);
            var pr = BreakerReplay.Run(trace, scores, threshold, options.OpenSteps, h);
            predictiveRuns.Add(pr);
            ratioRuns.Add(BreakerReplay.Run(trace, ratio, 1, options.OpenSteps, h));
            for (int t = 0; t < trace.Steps.Count; t++)
            {
                if (trace.Steps[t].InOutage)
                {
                    continue;
                }

                bool label = trace.OutageWithin(t + 1, h - 1);
                pScores.Add(scores[t]);
                rScores.Add(trace.Steps[t].ErrorRate);
                labels.Add(label);
                kinds.Add(label ? trace.Incidents.First(i => i.HasOutage && i.OutageStart > t && i.OutageStart <= t + h).Kind : null);
                evaluation.Add(new ScoredStep(seed, t, scores[t], trace.Steps[t].ErrorRate, label, kinds[^1] ?? IncidentKind.BenignSpike));
            }

            if (explanation is null)
            {
                var early = pr.Detections.FirstOrDefault(d => d.Detected && d.DelaySteps < 0 && d.Incident.Kind == IncidentKind.GradualDrift);
                if (early is not null)
                {
                    int step = early.Incident.OutageStart + early.DelaySteps;
                    var (weights, bias) = snapshots[step];
                    var raw = OutageFeatures.Raw(trace, step);
                    var z = scaling.Standardize(raw);
                    var rows = OutageFeatures.Names.Select((name, j) => new FeatureContribution(name, raw[j], z[j], weights[j], weights[j] * z[j])).ToArray();
                    double logOdds = bias + rows.Sum(r => r.Contribution);
                    explanation = new TripExplanation(seed, step, -early.DelaySteps, bias, rows, logOdds, OnlineLogisticRegression.Sigmoid(logOdds));
                }
            }
        }

        double Subset(List<double> s, IncidentKind kind)
        {
            var idx = Enumerable.Range(0, labels.Count).Where(i => !labels[i] || kinds[i] == kind).ToArray();
            return RocAnalysis.Compute(idx.Select(i => s[i]).ToArray(), idx.Select(i => labels[i]).ToArray()).Area;
        }

        var detections = new List<DetectionSummary>();
        foreach (var (name, runs) in new[] { ("predictive", predictiveRuns), ("failure ratio", ratioRuns) })
        {
            foreach (var kind in new[] { IncidentKind.GradualDrift, IncidentKind.Sudden })
            {
                var d = runs.SelectMany(r => r.Detections).Where(x => x.Incident.Kind == kind).ToArray();
                var hit = d.Where(x => x.Detected).ToArray();
                detections.Add(new DetectionSummary(name, kind, d.Length, hit.Length, hit.Length == 0 ? 0 : hit.Average(x => x.DelaySeconds)));
            }
        }

        // Episode 13's binomial tail: q = P(one step's window trips) at the baseline rate; with the breaker
        // open for B steps after each trip, trips per step = q / (1 + B q).
        var cond = options.RatioCondition;
        double q = BreakerTripMath.WindowTripProbability(cond, options.Telemetry.BaselineFailureRate, options.Telemetry.CallsPerStep);
        double stepsPerHour = 3600 / options.Telemetry.StepSeconds;
        double predicted = stepsPerHour * q / (1 + (options.OpenSteps * q));
        var healthyOptions = new TelemetryOptions(4 * options.Telemetry.Steps, options.Telemetry.StepSeconds, options.Telemetry.CallsPerStep, options.Telemetry.BaselineFailureRate, 1e12, 1e12, 0);
        var healthy = SyntheticTelemetry.Generate(healthyOptions, options.TrainSeed + 1000);
        var healthyRun = BreakerReplay.Run(healthy, RatioScores(healthy, cond), 1, options.OpenSteps, h);
        double measured = healthyRun.FalseTripsPerHour;
        double se = Math.Sqrt(healthyRun.FalseTrips) / healthyRun.Hours; // Poisson count

        return new PredictiveStudyResult(
            options, scaling, trainedWeights, trainedBias, threshold,
            RocAnalysis.Compute(pScores, labels), RocAnalysis.Compute(rScores, labels),
            RocAnalysis.MannWhitneyArea(pScores, labels), RocAnalysis.MannWhitneyArea(rScores, labels),
            Subset(pScores, IncidentKind.Sudden), Subset(rScores, IncidentKind.Sudden),
            Subset(pScores, IncidentKind.GradualDrift), Subset(rScores, IncidentKind.GradualDrift),
            predictiveRuns.Sum(r => r.FalseTrips) / predictiveRuns.Sum(r => r.Hours),
            ratioRuns.Sum(r => r.FalseTrips) / ratioRuns.Sum(r => r.Hours),
            detections, predicted, measured, se, explanation, evaluation);
    }

    /// <summary>1 where the ratio breaker's condition holds on a step's calls, else 0.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="condition">The condition, applied to each step's failures and calls.</param>
    public static double[] RatioScores(TelemetryTrace trace, TripCondition condition)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(condition);
        return trace.Steps.Select(s => condition.Trips(s.Failures, s.Calls) ? 1.0 : 0.0).ToArray();
    }

    private static double[] ScoreOnline(OnlineLogisticRegression model, TelemetryTrace trace, FeatureScaling scaling, int h) =>
        ScoreOnline(model, trace, scaling, h, out _);

    private static double[] ScoreOnline(OnlineLogisticRegression model, TelemetryTrace trace, FeatureScaling scaling, int h, out (IReadOnlyList<double> Weights, double Bias)[] snapshots)
    {
        int n = trace.Steps.Count;
        var z = new double[n][];
        var scores = new double[n];
        snapshots = new (IReadOnlyList<double>, double)[n];
        for (int t = 0; t < n; t++)
        {
            z[t] = scaling.Standardize(OutageFeatures.Raw(trace, t));
            snapshots[t] = (model.Weights, model.Bias);
            scores[t] = model.Probability(z[t]);
            int learned = t - h; // its label, "outage in steps learned+1 .. learned+h", is known now
            if (learned >= 0)
            {
                model.Update(z[learned], trace.OutageWithin(learned + 1, h - 1));
            }
        }

        return scores;
    }
}
