using Workbook.Core.Charts;

namespace Workbook.Cli.Figures;

/// <summary>Where and how <see cref="FigureExporter"/> writes figures.</summary>
/// <remarks>
/// The defaults give the workbook's published files: HTML, PNG and SVG, at the figure's own size
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

    /// <summary>The formats to write. Default: <see cref="FigureFormats.Default"/>; must not be <see cref="FigureFormats.None"/>.</summary>
    public FigureFormats Formats
    {
        get;
        init => field = value != FigureFormats.None && (value & ~FigureFormats.All) == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Formats), value, "Formats must combine Html, Png, Svg and Pdf, and name at least one.");
    } = FigureFormats.Default;

    /// <summary>Whether each HTML page carries its own copy of plotly.js (a single file to e-mail) instead of using the shared one.</summary>
    /// <value>The default is <see langword="false"/>: pages load <c>../plotly-&lt;version&gt;.min.js</c>, written once per export folder.</value>
    public bool Standalone { get; init; }

    /// <summary>Whether to write one archive per episode, <c>&lt;out&gt;/epNN.zip</c>, with that episode's files and the shared plotly.js.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Zip { get; init; }

    /// <summary>
    /// Slider positions by parameter (<see cref="FigureSlider.Parameter"/>), like <c>c</c> → <c>10</c>:
    /// images of a slider figure show that position and HTML opens at it. A figure without such a
    /// slider is unaffected; a slider not named here shows its own starting position in images.
    /// Default: empty.
    /// </summary>
    public IReadOnlyDictionary<string, string> At
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(At));
    } = new Dictionary<string, string>();

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
