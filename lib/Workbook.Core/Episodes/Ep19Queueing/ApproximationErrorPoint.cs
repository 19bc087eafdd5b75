using Workbook.Core.Simulation;

namespace Workbook.Core.Episodes.Ep19Queueing;

/// <summary>
/// One point of the figure <c>ep19.approximation-error</c>: the Allen–Cunneen mean wait of one model at
/// one utilisation against a seeded simulation, and the relative error with its 95 % interval.
/// </summary>
/// <param name="Model">The queue, for example "M/D/10".</param>
/// <param name="Utilisation">ρ = λS/c.</param>
/// <param name="ApproximateMeanWait">The Allen–Cunneen mean wait, in service times.</param>
/// <param name="SimulatedMeanWait">The simulated mean wait with its batch-means interval, in service times.</param>
/// <param name="ErrorPercent">100 × (approximation − simulation) / simulation: negative is an underestimate.</param>
/// <param name="ErrorHalfWidthPercent">The half-width of the error's 95 % interval, from the simulation's, in percentage points.</param>
public sealed record ApproximationErrorPoint(
    string Model,
    double Utilisation,
    double ApproximateMeanWait,
    Estimate SimulatedMeanWait,
    double ErrorPercent,
    double ErrorHalfWidthPercent);
