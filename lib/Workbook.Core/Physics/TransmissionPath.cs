namespace Workbook.Core.Physics;

/// <summary>What kind of path a measured round trip took: the <c>path</c> column of <c>measured-rtt.csv</c>.</summary>
public enum TransmissionPath
{
    /// <summary>A named fiber cable system, engineered for low latency (<c>fiber-cable</c>).</summary>
    FiberCable,

    /// <summary>Ordinary routed Internet traffic over whatever paths the ISPs chose (<c>public-internet</c>).</summary>
    PublicInternet,

    /// <summary>A chain of line-of-sight microwave towers; the signal travels through air (<c>microwave</c>).</summary>
    Microwave,
}
