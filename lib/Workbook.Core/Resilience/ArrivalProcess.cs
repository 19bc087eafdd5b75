namespace Workbook.Core.Resilience;

/// <summary>How requests arrive in a simulation at a given mean rate λ.</summary>
public enum ArrivalProcess
{
    /// <summary>Evenly spaced, one request every 1/λ seconds: the case with closed forms.</summary>
    Deterministic,

    /// <summary>A Poisson process: independent exponential gaps with mean 1/λ.</summary>
    Poisson,
}
