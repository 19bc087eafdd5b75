using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workbook.Cli.Figures;

/// <summary>Splits the multi-page PDF Chromium prints into one single-page PDF per page, with no dates in it.</summary>
/// <remarks>
/// <para>
/// Chromium prints a whole run as one document in the same process that renders the images (starting
/// it costs seconds, so one print per figure would dominate an export), and every PDF it writes
/// carries the time of printing. This reader
/// handles what Chromium's PDF writer (Skia) produces: numbered objects with direct stream lengths,
/// a classic cross-reference table and a page tree. Each page is written out with the objects it
/// reaches (contents, fonts, images), a new catalog and an information dictionary holding the
/// figure's title and the original producer, and no creation or modification date, so the same
/// figures give the same bytes. The page is trimmed to the figure's size (see <see cref="Split"/>). The tagged-PDF structure tree is left out: its only elements are
/// "NonStruct" groups, and the figure's words are in the title and the <c>.txt</c> file.
/// </para>
/// <para>
/// Fonts are subset by Chromium over the whole run, so a figure's PDF carries the glyphs of every
/// figure printed with it: the bytes repeat for the same command, not across different selections.
/// </para>
/// </remarks>
internal static partial class PdfPageSplitter
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>One object of the source PDF: its dictionary (or other value) text and, for a stream, the raw stream bytes.</summary>
    private sealed record PdfObject(int Number, string Value, byte[]? Stream);

    /// <summary>The most a printed page side may exceed the figure's and still be trimmed to it, in points.</summary>
    internal const double MaxTrimPoints = 2;

    /// <summary>Splits <paramref name="pdf"/> into single-page files, the i-th titled <paramref name="titles"/>[i] and trimmed to <paramref name="sizes"/>[i].</summary>
    /// <param name="pdf">The printed document.</param>
    /// <param name="titles">Each page's title.</param>
    /// <param name="sizes">
    /// Each page's intended size in points. Chromium rounds page sizes up to its print grid (up to about
    /// one CSS pixel more); the MediaBox is set to the intended size, keeping the top-left corner where
    /// the figure is drawn, so only blank margin is cut. A side that differs more, or is smaller, is left as printed.
    /// </param>
    /// <exception cref="InvalidOperationException">The file is not a PDF this reader understands, or has another number of pages than titles.</exception>
    internal static IReadOnlyList<byte[]> Split(byte[] pdf, IReadOnlyList<string> titles, IReadOnlyList<(double Width, double Height)> sizes)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(titles);
        var objects = ReadObjects(pdf);
        var trailer = Latin1.GetString(pdf, LastIndexOf(pdf, "trailer"), pdf.Length - LastIndexOf(pdf, "trailer"));
        var root = Reference(trailer, "Root") ?? throw Malformed("the trailer names no /Root");
        var pagesRoot = Reference(Get(objects, root).Value, "Pages") ?? throw Malformed("the catalog names no /Pages");
        var pages = new List<int>();
        CollectPages(objects, pagesRoot, pages, depth: 0);
        if (pages.Count != titles.Count)
        {
            throw new InvalidOperationException($"the printed PDF has {pages.Count} pages, expected {titles.Count}");
        }

        var producer = ProducerPattern().Match(Get(objects, Reference(trailer, "Info") ?? root).Value);
        return pages.Select((page, i) => WritePage(objects, page, titles[i], sizes[i], producer.Success ? producer.Groups[1].Value : "(Chromium)")).ToList();
    }

    private static byte[] WritePage(Dictionary<int, PdfObject> objects, int page, string title, (double Width, double Height) size, string producer)
    {
        // New numbers: 1 catalog, 2 page tree, 3 information, 4 the page, then what it reaches in
        // breadth-first order (deterministic: references are followed in the order they are written).
        var order = new List<int> { page };
        var numbers = new Dictionary<int, int> { [page] = 4 };
        for (var i = 0; i < order.Count; i++)
        {
            var value = order[i] == page ? ParentPattern().Replace(objects[order[i]].Value, string.Empty) : objects[order[i]].Value;
            foreach (Match reference in ReferencePattern().Matches(value))
            {
                var target = int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!numbers.ContainsKey(target) && objects.TryGetValue(target, out var reached) && !IsStructure(reached.Value))
                {
                    numbers[target] = order.Count + 4;
                    order.Add(target);
                }
            }
        }

        using var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(Latin1.GetBytes(text));
        void Object(int number, string value, byte[]? stream)
        {
            offsets.Add(output.Position);
            Write(number.ToString(CultureInfo.InvariantCulture) + " 0 obj\n" + value);
            if (stream is not null)
            {
                Write(" stream\n");
                output.Write(stream);
                Write("\nendstream");
            }

            Write("\nendobj\n");
        }

        Write("%PDF-1.4\n%\u00D3\u00EB\u00E9\u00E1\n");
        Object(1, "<</Type /Catalog\n/Pages 2 0 R\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>\n/Lang (en)>>", null);
        Object(2, "<</Type /Pages\n/Count 1\n/Kids [4 0 R]>>", null);
        Object(3, "<</Title " + PdfText(title) + "\n/Producer " + producer + ">>", null);
        foreach (var number in order)
        {
            var source = objects[number];
            var value = number == page ? ParentPattern().Replace(source.Value, string.Empty) : source.Value;
            value = ReferencePattern().Replace(value, m =>
                numbers.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var renumbered)
                    ? renumbered.ToString(CultureInfo.InvariantCulture) + " 0 R"
                    : "null");
            if (number == page)
            {
                value = MediaBoxPattern().Replace(value, m => Trimmed(m.Groups[1].Value, size), 1);
                var end = value.LastIndexOf(">>", StringComparison.Ordinal);
                value = value[..end] + "\n/Parent 2 0 R" + value[end..];
            }

            Object(numbers[number], value, source.Stream);
        }

        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {offsets.Count + 1}\n/Root 1 0 R\n/Info 3 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());
        return output.ToArray();
    }

    private static string Trimmed(string box, (double Width, double Height) size)
    {
        var v = box.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        static bool Trimmable(double printed, double wanted) => printed >= wanted && printed - wanted <= MaxTrimPoints;
        if (v.Length != 4 || v[0] != 0 || v[1] != 0 || !Trimmable(v[2], size.Width) || !Trimmable(v[3], size.Height))
        {
            return "/MediaBox [" + box + "]";
        }

        // PDF's origin is the bottom-left corner: keep the top edge, move the bottom up.
        static string Number(double x) => Math.Round(x, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return $"/MediaBox [0 {Number(v[3] - size.Height)} {Number(size.Width)} {Number(v[3])}]";
    }

    private static bool IsStructure(string value) =>
        StructureTypePattern().IsMatch(value);

    private static void CollectPages(Dictionary<int, PdfObject> objects, int node, List<int> pages, int depth)
    {
        if (depth > 32)
        {
            throw Malformed("the page tree is deeper than 32 levels");
        }

        var value = Get(objects, node).Value;
        if (PageTypePattern().IsMatch(value))
        {
            pages.Add(node);
            return;
        }

        var kids = KidsPattern().Match(value);
        if (!kids.Success)
        {
            throw Malformed($"object {node} is neither a page nor a page tree node");
        }

        foreach (Match kid in ReferencePattern().Matches(kids.Groups[1].Value))
        {
            CollectPages(objects, int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), pages, depth + 1);
        }
    }

    private static Dictionary<int, PdfObject> ReadObjects(byte[] pdf)
    {
        var objects = new Dictionary<int, PdfObject>();
        var text = Latin1.GetString(pdf);
        var position = 0;
        while (true)
        {
            var header = ObjectHeaderPattern().Match(text, position);
            if (!header.Success)
            {
                break;
            }

            var number = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var bodyStart = header.Index + header.Length;
            var streamAt = text.IndexOf("stream", bodyStart, StringComparison.Ordinal);
            var endAt = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
            if (endAt < 0)
            {
                throw Malformed($"object {number} has no endobj");
            }

            if (streamAt >= 0 && streamAt < endAt)
            {
                var value = text[bodyStart..streamAt].TrimEnd();
                var length = LengthPattern().Match(value);
                if (!length.Success)
                {
                    throw Malformed($"stream object {number} has no direct /Length");
                }

                var dataStart = streamAt + "stream".Length;
                dataStart += text[dataStart] == '\r' ? 2 : 1;
                var dataLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
                objects[number] = new PdfObject(number, value, pdf.AsSpan(dataStart, dataLength).ToArray());
                endAt = text.IndexOf("endobj", dataStart + dataLength, StringComparison.Ordinal);
                if (endAt < 0)
                {
                    throw Malformed($"stream object {number} has no endobj");
                }
            }
            else
            {
                objects[number] = new PdfObject(number, text[bodyStart..endAt].Trim(), null);
            }

            position = endAt + "endobj".Length;
        }

        return objects.Count > 0 ? objects : throw Malformed("no objects found");
    }

    private static PdfObject Get(Dictionary<int, PdfObject> objects, int number) =>
        objects.TryGetValue(number, out var found) ? found : throw Malformed($"object {number} is referenced but missing");

    private static int? Reference(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, "/" + key + @"\s+(\d+)\s+0\s+R", RegexOptions.CultureInvariant);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static int LastIndexOf(byte[] data, string keyword)
    {
        var at = data.AsSpan().LastIndexOf(Latin1.GetBytes(keyword));
        return at >= 0 ? at : throw Malformed($"no '{keyword}'");
    }

    /// <summary>A PDF text string: UTF-16BE with a byte-order mark, written in hex, so any title is safe.</summary>
    private static string PdfText(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static InvalidOperationException Malformed(string what) =>
        new($"the PDF printed by the browser could not be split: {what}");

    [GeneratedRegex(@"(?<![0-9])(\d+) 0 obj\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectHeaderPattern();

    [GeneratedRegex(@"(?<![0-9])(\d+)\s+0\s+R\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/Length\s+(\d+)(?![0-9]|\s+\d+\s+R)", RegexOptions.CultureInvariant)]
    private static partial Regex LengthPattern();

    [GeneratedRegex(@"/Parent\s+\d+\s+0\s+R", RegexOptions.CultureInvariant)]
    private static partial Regex ParentPattern();

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex PageTypePattern();

    [GeneratedRegex(@"/Type\s*/(Pages|Page|Catalog|StructTreeRoot|StructElem|ParentTree)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex StructureTypePattern();

    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex KidsPattern();

    [GeneratedRegex(@"/Producer\s*(\([^)]*\))", RegexOptions.CultureInvariant)]
    private static partial Regex ProducerPattern();

    [GeneratedRegex(@"/MediaBox\s*\[([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex MediaBoxPattern();
}
