namespace Workbook.Core.Physics;

/// <summary>How a reported round-trip time should be read: the <c>bound</c> column of <c>measured-rtt.csv</c>.</summary>
public enum RttBound
{
    /// <summary>The figure as reported (<c>exact</c>): a single measured value, not a bound.</summary>
    Exact,

    /// <summary>Reported as "under" the figure (<c>upper</c>): the true round trip is at most this.</summary>
    Upper,

    /// <summary>The low end of a reported range (<c>range-low</c>); a second row holds the high end.</summary>
    RangeLow,

    /// <summary>The high end of a reported range (<c>range-high</c>); a second row holds the low end.</summary>
    RangeHigh,
}
