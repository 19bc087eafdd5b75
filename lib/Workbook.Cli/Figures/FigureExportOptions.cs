using Workbook.Core.Charts;

namespace Workbook.Cli.Figures;

/// <summary>Where and how <see cref="FigureExporter"/> writes figures.</summary>
/// <remarks>
/// The defaults give the workbook's published files: every format, at the figure's own size
/// (<see cref="ChartStyle.Width"/> × <see cref="ChartStyle.Height"/> for styled charts), PNG at
/// scale 1 (<see cref="FigureLayout.Default"/>). Values are validated when the options are created.
/// </remarks>
public sealed record FigureExportOptions
{
    /// <summary>The longest a browser run may take by default: 120 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The folder that receives one <c>epNN</c> subfolder per episode.</summary>
    public required string OutputDirectory
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(OutputDirectory));
            field = value;
        }
    }

    /// <summary>The formats to write. Default: <see cref="FigureFormats.All"/>; must not be <see cref="FigureFormats.None"/>.</summary>
    public FigureFormats Formats
    {
        get;
        init => field = value != FigureFormats.None && (value & ~FigureFormats.All) == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Formats), value, "Formats must combine Html, Png and Svg, and name at least one.");
    } = FigureFormats.All;

    /// <summary>
    /// The browser executable used for PNG and SVG, usually found with <see cref="ChromiumLocator.Locate(string?)"/>.
    /// <see langword="null"/> means none is available: HTML is still written and the result says
    /// <see cref="ImageExportStatus.NoBrowser"/>.
    /// </summary>
    public string? BrowserPath { get; init; }

    /// <summary>Image size, PNG pixel density and theme, applied to every figure. Default <see cref="FigureLayout.Default"/>: each figure's own size, PNG at scale 1, light.</summary>
    public FigureLayout Layout
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Layout));
    } = FigureLayout.Default;

    /// <summary>The longest the browser may run before it is stopped. Default <see cref="DefaultTimeout"/>; 1 s to 1 h.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromHours(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Timeout), value, "Timeout must be between 1 second and 1 hour.");
    } = DefaultTimeout;
}
