using System.Reflection;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Workbook.Core.Charts;

/// <summary>The plotly.js library that Plotly.NET ships inside its own assembly.</summary>
/// <remarks>
/// Plotly.NET's HTML loads plotly.js from a CDN, which leaves charts blank offline, in static HTML and
/// on GitHub; it also embeds the minified library as the resource <c>Plotly.NET.plotly-&lt;version&gt;.min.js</c>,
/// which this class reads so <see cref="ChartHtml"/> can inline it. The version comes from the resource
/// name, and the tests check the text's own banner agrees.
/// </remarks>
public static partial class PlotlyJs
{
    private static readonly Lazy<(string ResourceName, string Version)> Resource = new(FindResource);

    private static readonly Lazy<string> Text = new(ReadSource);

    /// <summary>The plotly.js version, for example <c>2.28.0</c> for Plotly.NET 6.0.0.</summary>
    public static string Version => Resource.Value.Version;

    /// <summary>The file name exports give their one shared copy of plotly.js, for example <c>plotly-2.28.0.min.js</c>.</summary>
    public static string FileName => "plotly-" + Version + ".min.js";

    /// <summary>The minified plotly.js source (about 3.6 MB), read once and then cached.</summary>
    /// <remarks>
    /// The text is checked to contain no <c>&lt;/script</c>, so it can be placed inside a
    /// <c>&lt;script&gt;</c> element as it is.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The resource is missing, or its text could not be inlined.</exception>
    public static string Source => Text.Value;

    private static (string ResourceName, string Version) FindResource()
    {
        var assembly = typeof(GenericChart).Assembly;
        var candidates = assembly.GetManifestResourceNames()
            .Select(name => (Name: name, Match: ResourceNamePattern().Match(name)))
            .Where(c => c.Match.Success)
            .ToList();
        return candidates.Count == 1
            ? (candidates[0].Name, candidates[0].Match.Groups["version"].Value)
            : throw new InvalidOperationException(
                $"Expected one plotly.js resource in {assembly.GetName().Name}, found {candidates.Count}: " +
                string.Join(", ", assembly.GetManifestResourceNames()));
    }

    private static string ReadSource()
    {
        var resourceName = Resource.Value.ResourceName;
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The resource {resourceName} could not be opened.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return source.Contains("</script", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException(
                $"plotly.js {Resource.Value.Version} contains '</script' and cannot be inlined in a script element.")
            : source;
    }

    [GeneratedRegex(@"^Plotly\.NET\.plotly-(?<version>[0-9]+\.[0-9]+\.[0-9]+)\.min\.js$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceNamePattern();
}
