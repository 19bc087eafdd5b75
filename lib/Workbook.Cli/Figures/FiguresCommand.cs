using System.Globalization;
using Workbook.Core.Charts;
using Workbook.Core.Episodes;

namespace Workbook.Cli.Figures;

/// <summary>The <c>figures</c> command: exports catalog figures to text, HTML, PNG, SVG and PDF files, with a contact sheet.</summary>
/// <remarks>
/// <code>
/// figures --episode &lt;n&gt;[,&lt;n&gt;...] | --id &lt;figure-id&gt; [--format html,png,svg,pdf] [--out &lt;dir&gt;] [--browser &lt;path&gt;]
///         [--preset notes|slide|square|portrait] [--theme light|dark|transparent|talk] [--width &lt;px&gt;] [--height &lt;px&gt;] [--scale &lt;x&gt;]
///         [--at &lt;parameter&gt;=&lt;value&gt;[,...]] [--standalone] [--zip]
/// figures --list [--episode &lt;n&gt;[,&lt;n&gt;...] | --id &lt;figure-id&gt;]
/// </code>
/// <para>
/// Defaults: html, png and svg, output folder <c>figures</c>. Files go to <c>&lt;out&gt;/epNN/&lt;figure-id&gt;.&lt;ending&gt;</c>
/// (see <see cref="FigureExporter"/>), the contact sheet to <c>&lt;out&gt;/index.html</c>; one line is printed
/// per file, then a summary with the elapsed time. <c>--preset</c>, <c>--width</c>, <c>--height</c>,
/// <c>--scale</c> and <c>--theme</c> build a <see cref="FigureLayout"/>. <c>--standalone</c> inlines plotly.js
/// in each HTML page; <c>--at c=10</c> sets a slider figure's position (images show it and name it in
/// their title, HTML opens at it; without it images show the slider's starting position); <c>--zip</c> writes <c>&lt;out&gt;/epNN.zip</c> per episode. <c>--list</c> prints each
/// figure's id, title and caption and writes nothing. Flags (no value) and options with a value are
/// listed in <c>FlagOptions</c> and <c>ValueOptions</c>; a new option is one entry there plus its check.
/// </para>
/// <para>Exit codes:</para>
/// <list type="table">
/// <item><term>0</term><description>every requested file was written.</description></item>
/// <item><term>1</term><description>the browser ran but failed or timed out; the HTML was written.</description></item>
/// <item><term>2</term><description>
/// bad usage or input, with a one-line reason naming the option: unknown option or format, missing
/// value, a value given to a flag, an option given twice, a number that does not parse, an unknown
/// preset or theme, a width or height outside 200 to 8000 px, a scale outside 0.5 to 4 or making a PNG side above 16384 px, <c>--scale</c>
/// without PNG, <c>--theme transparent</c> with only HTML, <c>--standalone</c> without HTML, an export
/// option with <c>--list</c>, an <c>--at</c> that is not <c>parameter=value</c>, names a parameter no
/// selected figure's slider has, or a value that is not one of its positions, an episode without figures, an unknown id, a browser
/// path (<c>--browser</c> or <c>WORKBOOK_CHROMIUM</c>) that does not exist, or an output folder
/// (<c>--out</c>) that is a file or cannot be written. All of these are checked before anything is
/// written. A file that cannot be written later (a full disk) also gives 2, with its path.
/// </description></item>
/// <item><term>3</term><description>
/// PNG, SVG or PDF were requested but no browser was found on <c>PATH</c>; the HTML was written and the
/// message says how to install one. A path the user named and got wrong is a usage error (2)
/// instead, because the fix is to correct the path, not to install a browser.
/// </description></item>
/// </list>
/// </remarks>
public static class FiguresCommand
{
    /// <summary>Every figure was written.</summary>
    public const int ExitOk = 0;

    /// <summary>The browser failed or timed out; HTML was written.</summary>
    public const int ExitExportFailed = 1;

    /// <summary>Bad usage or input; nothing was written.</summary>
    public const int ExitUsage = 2;

    /// <summary>Images were requested but no browser was found; HTML was written.</summary>
    public const int ExitNoBrowser = 3;

    /// <summary>The default output folder.</summary>
    public const string DefaultOutputDirectory = "figures";

    /// <summary>The one-line usage.</summary>
    public const string Usage =
        "usage: figures --episode <n>[,<n>...] | --id <figure-id> [--format html,png,svg,pdf] [--out <dir>] [--browser <path>] " +
        "[--preset notes|slide|square|portrait] [--theme light|dark|transparent|talk] [--width <px>] [--height <px>] [--scale <x>] [--at <parameter>=<value>] [--standalone] [--zip]; " +
        "figures --list [--episode <n> | --id <figure-id>]";

    private static readonly string[] FormatNames = ["html", "png", "svg", "pdf"];

    private static readonly string[] FlagOptions = ["--list", "--standalone", "--zip"];

    private static readonly string[] ValueOptions =
        ["--episode", "--id", "--format", "--out", "--browser", "--preset", "--theme", "--width", "--height", "--scale", "--at"];

    private static readonly string AllowedOptions = string.Join(", ", ValueOptions.Concat(FlagOptions));

    /// <summary>Runs the command on the workbook's <see cref="FigureCatalog"/>.</summary>
    /// <param name="args">The arguments after <c>figures</c>.</param>
    /// <param name="stdout">Receives one line per file written and the summary.</param>
    /// <param name="stderr">Receives the one-line reason when the exit code is not 0.</param>
    /// <returns>The exit code: 0, 1, 2 or 3 (see the remarks of <see cref="FiguresCommand"/>).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, FigureCatalog.All, Environment.GetEnvironmentVariable);

    /// <summary>Runs the command on any list of figures, reading environment variables through a function (for tests).</summary>
    internal static int Run(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyList<WorkbookFigure> catalog,
        Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        var started = TimeProvider.System.GetTimestamp();
        if (args.Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine(Usage);
            return ExitOk;
        }

        if (!TryParse(args, out var request, out var problem)
            || !TrySelect(request, catalog, out var figures, out problem))
        {
            stderr.WriteLine("figures: " + problem);
            return ExitUsage;
        }

        if (request.List)
        {
            WriteList(figures, stdout);
            return ExitOk;
        }

        IReadOnlyList<Plotly.NET.GenericChart>? built = null;
        if (request.At is { } at && !TryCheckAt(at, figures, catalog, out built, out problem))
        {
            stderr.WriteLine("figures: " + problem);
            return ExitUsage;
        }

        if (!TryLocateBrowser(request, getEnvironmentVariable, out var browserPath, out problem)
            || !TryPrepareOutput(request, out problem))
        {
            stderr.WriteLine("figures: " + problem);
            return ExitUsage;
        }

        var options = new FigureExportOptions
        {
            OutputDirectory = request.OutputDirectory,
            Formats = request.Formats,
            BrowserPath = browserPath,
            Layout = request.Layout,
            Standalone = request.Standalone,
            Zip = request.Zip,
            At = request.At ?? new Dictionary<string, string>(),
        };
        FigureExportResult result;
        try
        {
            result = FigureExporter.Export(figures, options, built);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("figures: could not write the figures to " + request.OutputDirectory + ": " + OutputFolder.Reason(e));
            return ExitUsage;
        }

        foreach (var file in result.WrittenFiles)
        {
            stdout.WriteLine("wrote " + file);
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var browserPart = result.BrowserTime > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $", browser {result.BrowserTime.TotalSeconds:0.0} s")
            : string.Empty;
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"figures: {result.WrittenFiles.Count} {Plural(result.WrittenFiles.Count, "file")} for {figures.Count} {Plural(figures.Count, "figure")} in {request.OutputDirectory} ({elapsed.TotalSeconds:0.0} s{browserPart})"));

        switch (result.ImageStatus)
        {
            case ImageExportStatus.NoBrowser:
                stderr.WriteLine("figures: " + result.Message + "; the HTML was written");
                return ExitNoBrowser;
            case ImageExportStatus.Failed:
                stderr.WriteLine("figures: " + result.Message);
                return ExitExportFailed;
            default:
                return ExitOk;
        }
    }

    private sealed record Request(
        IReadOnlyList<int>? Episodes,
        string? Id,
        FigureFormats Formats,
        string OutputDirectory,
        string? BrowserPath,
        FigureLayout Layout,
        bool List,
        bool Standalone,
        bool Zip,
        IReadOnlyDictionary<string, string>? At = null);

    private static bool TryParse(IReadOnlyList<string> args, out Request request, out string problem)
    {
        request = new Request(null, null, FigureFormats.Default, DefaultOutputDirectory, null, FigureLayout.Default, false, false, false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            if (FlagOptions.Contains(name))
            {
                if (inlineValue is not null)
                {
                    problem = $"{name}: takes no value; write {name} alone";
                    return false;
                }

                if (!flags.Add(name))
                {
                    problem = $"{name}: given more than once; give it once";
                    return false;
                }

                continue;
            }

            if (!ValueOptions.Contains(name))
            {
                problem = name.StartsWith('-')
                    ? $"unknown option '{name}'; allowed: {AllowedOptions}"
                    : $"unexpected argument '{name}'; options are {AllowedOptions}";
                return false;
            }

            var value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                problem = $"{name}: missing value; expected {Expected(name)}";
                return false;
            }

            if (!values.TryAdd(name, value))
            {
                problem = $"{name}: given more than once; give it once with {Expected(name)}";
                return false;
            }
        }

        var hasEpisode = values.TryGetValue("--episode", out var episodeText);
        var hasId = values.TryGetValue("--id", out var id);
        if (flags.Contains("--list"))
        {
            var exportOnly = values.Keys.Where(k => k is not ("--episode" or "--id")).Concat(flags.Where(f => f != "--list")).ToList();
            if (exportOnly.Count > 0)
            {
                problem = $"--list: prints ids, titles and captions only; drop {string.Join(", ", exportOnly)} (allowed with --list: --episode or --id)";
                return false;
            }

            if (hasEpisode && hasId)
            {
                problem = "--episode and --id: give one of them, not both";
                return false;
            }

            IReadOnlyList<int>? listed = null;
            if (hasEpisode && !TryParseEpisodes(episodeText!, out listed, out problem))
            {
                return false;
            }

            request = new Request(listed, id, FigureFormats.Default, DefaultOutputDirectory, null, FigureLayout.Default, true, false, false);
            problem = string.Empty;
            return true;
        }

        if (hasEpisode == hasId)
        {
            problem = hasEpisode
                ? "--episode and --id: give one of them, not both"
                : "--episode or --id is required; " + Usage;
            return false;
        }

        IReadOnlyList<int>? episodes = null;
        if (hasEpisode && !TryParseEpisodes(episodeText!, out episodes, out problem))
        {
            return false;
        }

        var formats = FigureFormats.Default;
        if (values.TryGetValue("--format", out var formatText) && !TryParseFormats(formatText, out formats, out problem))
        {
            return false;
        }

        var standalone = flags.Contains("--standalone");
        if (standalone && !formats.HasFlag(FigureFormats.Html))
        {
            problem = "--standalone: makes each HTML page carry its own plotly.js; add html to --format, or drop --standalone";
            return false;
        }

        if (!TryParseLayout(values, formats, out var layout, out problem))
        {
            return false;
        }

        IReadOnlyDictionary<string, string>? at = null;
        if (values.TryGetValue("--at", out var atText) && !TryParseAt(atText, out at, out problem))
        {
            return false;
        }

        request = new Request(
            episodes,
            id,
            formats,
            values.GetValueOrDefault("--out", DefaultOutputDirectory),
            values.GetValueOrDefault("--browser"),
            layout,
            false,
            standalone,
            flags.Contains("--zip"),
            at);
        problem = string.Empty;
        return true;
    }

    private static bool TryParseLayout(Dictionary<string, string> values, FigureFormats formats, out FigureLayout layout, out string problem)
    {
        layout = FigureLayout.Default;
        var preset = FigurePreset.Notes;
        if (values.TryGetValue("--preset", out var presetText))
        {
            var index = IndexOfName(FigureLayout.PresetNames, presetText);
            if (index < 0)
            {
                problem = $"--preset: unknown preset '{presetText}'; allowed: {string.Join(", ", FigureLayout.PresetNames)}";
                return false;
            }

            preset = (FigurePreset)index;
        }

        var theme = FigureTheme.Light;
        if (values.TryGetValue("--theme", out var themeText))
        {
            var index = IndexOfName(FigureLayout.ThemeNames, themeText);
            if (index < 0)
            {
                problem = $"--theme: unknown theme '{themeText}'; allowed: {string.Join(", ", FigureLayout.ThemeNames)}";
                return false;
            }

            theme = (FigureTheme)index;
        }

        int? width = null, height = null;
        if (!TryParsePixels(values, "--width", ref width, out problem) || !TryParsePixels(values, "--height", ref height, out problem))
        {
            return false;
        }

        var scale = 1.0;
        if (values.TryGetValue("--scale", out var scaleText))
        {
            if (!double.TryParse(scaleText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out scale) || !double.IsFinite(scale)
                || scale is < FigureLayout.MinScale or > FigureLayout.MaxScale)
            {
                problem = $"--scale: '{scaleText}' is not a scale; expected a number from {FigureLayout.MinScale.ToString(CultureInfo.InvariantCulture)} to {FigureLayout.MaxScale.ToString(CultureInfo.InvariantCulture)}, like 2";
                return false;
            }

            if (!formats.HasFlag(FigureFormats.Png))
            {
                problem = "--scale: sets the pixel density of PNG only; add png to --format, or drop --scale";
                return false;
            }
        }

        if (theme == FigureTheme.Transparent && formats == FigureFormats.Html)
        {
            problem = "--theme transparent: is for PNG, SVG and PDF overlays; add png, svg or pdf to --format, or choose light, dark or talk";
            return false;
        }

        var sized = FigureLayout.FromPreset(preset, width, height);
        var longest = Math.Max(sized.Width ?? 0, sized.Height ?? 0);
        if (longest * scale > FigureLayout.MaxPngSide)
        {
            var largest = (Math.Floor(100.0 * FigureLayout.MaxPngSide / longest) / 100).ToString("0.##", CultureInfo.InvariantCulture);
            problem = $"--scale: {scale.ToString(CultureInfo.InvariantCulture)} would make a PNG side of {longest * scale:0} px, and Chromium draws at most {FigureLayout.MaxPngSide}; use a scale up to {largest} for a {longest} px side, or a smaller --width/--height";
            return false;
        }

        layout = FigureLayout.FromPreset(preset, width, height, scale, theme);
        return true;
    }

    private static int IndexOfName(IReadOnlyList<string> names, string text)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryParsePixels(Dictionary<string, string> values, string option, ref int? pixels, out string problem)
    {
        problem = string.Empty;
        if (!values.TryGetValue(option, out var text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            || parsed is < FigureLayout.MinPixels or > FigureLayout.MaxPixels)
        {
            problem = $"{option}: '{text}' is not a size; expected a whole number of pixels from {FigureLayout.MinPixels} to {FigureLayout.MaxPixels}, like 1920";
            return false;
        }

        pixels = parsed;
        return true;
    }

    private static (string Name, string? Value) SplitOption(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string Expected(string option) => option switch
    {
        "--episode" => "episode numbers like 1 or 1,2",
        "--id" => "a figure id like ep01.latency-vs-distance",
        "--format" => "a comma-separated list of " + string.Join(", ", FormatNames),
        "--out" => "an output folder",
        "--preset" => "one of " + string.Join(", ", FigureLayout.PresetNames),
        "--theme" => "one of " + string.Join(", ", FigureLayout.ThemeNames),
        "--width" or "--height" => $"a whole number of pixels from {FigureLayout.MinPixels} to {FigureLayout.MaxPixels}",
        "--at" => "a slider position like c=10 (parameter=value, several separated by commas)",
        "--scale" => $"a number from {FigureLayout.MinScale.ToString(CultureInfo.InvariantCulture)} to {FigureLayout.MaxScale.ToString(CultureInfo.InvariantCulture)}",
        _ => "the path of a Chromium executable",
    };

    private static bool TryParseEpisodes(string text, out IReadOnlyList<int>? episodes, out string problem)
    {
        var parsed = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var episode)
                || episode is < EpisodeItemId.MinEpisode or > EpisodeItemId.MaxEpisode)
            {
                episodes = null;
                problem = $"--episode: '{part}' is not an episode number; expected whole numbers from {EpisodeItemId.MinEpisode} to {EpisodeItemId.MaxEpisode}, like 1 or 1,2";
                return false;
            }

            if (!parsed.Contains(episode))
            {
                parsed.Add(episode);
            }
        }

        episodes = parsed;
        problem = string.Empty;
        return true;
    }

    private static bool TryParseFormats(string text, out FigureFormats formats, out string problem)
    {
        formats = FigureFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var format = part.ToLowerInvariant() switch
            {
                "html" => FigureFormats.Html,
                "png" => FigureFormats.Png,
                "svg" => FigureFormats.Svg,
                "pdf" => FigureFormats.Pdf,
                _ => FigureFormats.None,
            };
            if (format == FigureFormats.None)
            {
                problem = $"--format: unknown format '{part}'; allowed: {string.Join(", ", FormatNames)}";
                return false;
            }

            formats |= format;
        }

        problem = string.Empty;
        return true;
    }

    private static bool TryParseAt(string text, out IReadOnlyDictionary<string, string>? at, out string problem)
    {
        var positions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (string.Empty, string.Empty) : (part[..equals].Trim(), part[(equals + 1)..].Trim());
            if (name.Length == 0 || value.Length == 0)
            {
                at = null;
                problem = $"--at: '{part}' is not a slider position; expected {Expected("--at")}";
                return false;
            }

            if (!positions.TryAdd(name, value))
            {
                at = null;
                problem = $"--at: '{name}' is given more than once; give each parameter once";
                return false;
            }
        }

        at = positions;
        problem = string.Empty;
        return true;
    }

    /// <summary>Checks every <c>--at</c> parameter against the sliders of the selected figures, building each figure once.</summary>
    private static bool TryCheckAt(IReadOnlyDictionary<string, string> at, IReadOnlyList<WorkbookFigure> figures, IReadOnlyList<WorkbookFigure> catalog, out IReadOnlyList<Plotly.NET.GenericChart>? built, out string problem)
    {
        var charts = figures.Select(f => f.Build()).ToList();
        built = charts;
        var sliders = figures.Select((f, i) => (Figure: f, Sliders: FigureSlider.Of(charts[i]))).Where(s => s.Sliders.Count > 0).ToList();
        foreach (var (parameter, value) in at)
        {
            var having = sliders.SelectMany(s => s.Sliders.Where(slider => slider.Parameter == parameter).Select(slider => (s.Figure, Slider: slider))).ToList();
            if (having.Count == 0)
            {
                problem = sliders.Count == 0
                    ? $"--at: none of the selected figures has a slider, so '{parameter}' cannot be set; figures with sliders: {SliderFigures(catalog)}"
                    : $"--at: no selected figure has a slider '{parameter}'; valid: " +
                      string.Join("; ", sliders.SelectMany(s => s.Sliders.Select(slider => $"{slider.Parameter} ({s.Figure.Id}: {string.Join(", ", slider.Values)})")));
                return false;
            }

            foreach (var (figure, slider) in having)
            {
                try
                {
                    slider.IndexOf(value);
                }
                catch (ArgumentOutOfRangeException)
                {
                    problem = $"--at: {parameter}={value} is not a position of {figure.Id}; valid: {string.Join(", ", slider.Values)}";
                    return false;
                }
            }
        }

        problem = string.Empty;
        return true;
    }

    private static string SliderFigures(IReadOnlyList<WorkbookFigure> catalog) =>
        string.Join(", ", catalog.Select(f => (f.Id, Sliders: FigureSlider.Of(f.Build())))
            .Where(f => f.Sliders.Count > 0)
            .Select(f => $"{f.Id} ({string.Join(", ", f.Sliders.Select(s => s.Parameter))})")
            .DefaultIfEmpty("(none)"));

    private static bool TrySelect(Request request, IReadOnlyList<WorkbookFigure> catalog, out IReadOnlyList<WorkbookFigure> figures, out string problem)
    {
        figures = [];
        if (request.List && request.Id is null && request.Episodes is null)
        {
            figures = catalog;
            problem = string.Empty;
            return true;
        }

        if (request.Id is { } id)
        {
            if (!EpisodeItemId.TryParse(id, out _))
            {
                problem = $"--id: '{id}' is not a figure id; a figure id is {EpisodeItemId.AllowedForm}";
                return false;
            }

            var match = catalog.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
            if (match is null)
            {
                problem = $"--id: unknown figure id '{id}'; known ids: {(catalog.Count == 0 ? "(none)" : string.Join(", ", catalog.Select(f => f.Id)))}";
                return false;
            }

            figures = [match];
            problem = string.Empty;
            return true;
        }

        var selected = new List<WorkbookFigure>();
        foreach (var episode in request.Episodes!)
        {
            var ofEpisode = catalog.Where(f => f.Episode == episode).ToList();
            if (ofEpisode.Count == 0)
            {
                var withFigures = catalog.Select(f => f.Episode).Distinct().Order().ToList();
                var known = withFigures.Count == 0 ? "(none)" : string.Join(", ", withFigures);
                problem = $"--episode: episode {episode} has no figures; episodes with figures: {known}";
                return false;
            }

            selected.AddRange(ofEpisode);
        }

        figures = selected;
        problem = string.Empty;
        return true;
    }

    private static bool TryLocateBrowser(
        Request request, Func<string, string?> getEnvironmentVariable, out string? browserPath, out string problem)
    {
        browserPath = null;
        problem = string.Empty;
        var wantsImages = (request.Formats & (FigureFormats.Png | FigureFormats.Svg | FigureFormats.Pdf)) != 0;
        if (!wantsImages && request.BrowserPath is null)
        {
            return true;
        }

        try
        {
            browserPath = ChromiumLocator.Locate(request.BrowserPath, getEnvironmentVariable);
            return true;
        }
        catch (FileNotFoundException e)
        {
            problem = request.BrowserPath is null ? e.Message : "--browser: " + e.Message;
            return false;
        }
    }

    private static bool TryPrepareOutput(Request request, out string problem)
    {
        try
        {
            OutputFolder.Prepare("--out", request.OutputDirectory);
            problem = string.Empty;
            return true;
        }
        catch (UsageException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Per figure: the id, then its title and its caption indented below it, then a blank line.</summary>
    private static void WriteList(IReadOnlyList<WorkbookFigure> figures, TextWriter stdout)
    {
        foreach (var text in figures.Select(f => FigureText.Of(f, ChartHtml.FigureJson(f.Build()))))
        {
            stdout.WriteLine(text.Id);
            stdout.WriteLine("    title:   " + text.FullTitle);
            stdout.WriteLine("    caption: " + text.Caption);
            stdout.WriteLine();
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
