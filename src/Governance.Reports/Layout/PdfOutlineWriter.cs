using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Reports.Layout;

/// <summary>
/// Adds an outline (bookmarks) to a finished PDF as an incremental update: new outline objects, a new version of
/// the catalog pointing at them, and a cross-reference section chained to the original one. Entries point at
/// the named destinations the renderer placed at each heading, so no page object needs to be found.
/// </summary>
internal static partial class PdfOutlineWriter
{
    public static void Append(Stream pdf, long start, IReadOnlyList<Bookmark> bookmarks)
    {
        if (bookmarks.Count == 0)
            return;
        var tail = ReadTail(pdf, start);
        var trailer = TrailerPattern().Matches(tail).Last();
        var size = int.Parse(SizePattern().Match(trailer.Value).Groups[1].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(RootPattern().Match(trailer.Value).Groups[1].Value, CultureInfo.InvariantCulture);
        var previousXref = long.Parse(StartXrefPattern().Matches(tail).Last().Groups[1].Value, CultureInfo.InvariantCulture);
        var catalog = ReadObject(pdf, start, root);

        var outlineRoot = size;
        var items = BuildTree(bookmarks, outlineRoot);
        var offsets = new List<(int Number, long Offset)>();
        var body = new StringBuilder("\n");
        long position = pdf.Length - start;

        void Write(int number, string dictionary)
        {
            offsets.Add((number, position + Encoding.ASCII.GetByteCount(body.ToString())));
            body.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{dictionary}\nendobj\n");
        }

        var top = items.Where(i => i.Parent == outlineRoot).ToList();
        Write(outlineRoot, $"<</Type /Outlines /First {top[0].Number} 0 R /Last {top[^1].Number} 0 R /Count {top.Count}>>");
        foreach (var item in items)
            Write(item.Number, item.Dictionary(items));
        var closing = catalog.LastIndexOf(">>", StringComparison.Ordinal);
        Write(root, catalog[..closing] + $" /Outlines {outlineRoot} 0 R /PageMode /UseOutlines>>");

        var xrefAt = position + Encoding.ASCII.GetByteCount(body.ToString());
        body.Append("xref\n0 1\n0000000000 65535 f\r\n");
        foreach (var (number, offset) in offsets.OrderBy(o => o.Number))
            body.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        var keep = Regex.Replace(trailer.Groups[1].Value, @"/(Size|Prev)\s+\d+", "");
        body.Append(CultureInfo.InvariantCulture, $"trailer\n<<{keep} /Size {size + items.Count + 1} /Prev {previousXref}>>\nstartxref\n{xrefAt}\n%%EOF\n");

        pdf.Seek(0, SeekOrigin.End);
        var bytes = Encoding.ASCII.GetBytes(body.ToString());
        pdf.Write(bytes);
    }

    private sealed record Item(int Number, int Parent, string Title, string Destination, int Level)
    {
        public string Dictionary(IReadOnlyList<Item> all)
        {
            var siblings = all.Where(i => i.Parent == Parent).ToList();
            var index = siblings.IndexOf(this);
            var children = all.Where(i => i.Parent == Number).ToList();
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<</Title {Utf16(Title)} /Parent {Parent} 0 R /Dest /{Destination}");
            if (index > 0)
                text.Append(CultureInfo.InvariantCulture, $" /Prev {siblings[index - 1].Number} 0 R");
            if (index < siblings.Count - 1)
                text.Append(CultureInfo.InvariantCulture, $" /Next {siblings[index + 1].Number} 0 R");
            if (children.Count > 0)
                text.Append(CultureInfo.InvariantCulture, $" /First {children[0].Number} 0 R /Last {children[^1].Number} 0 R /Count -{children.Count}");
            return text.Append(">>").ToString();
        }
    }

    /// <summary>Level 1 headings at the top; each level 2 heading under the level 1 before it (or at the top if none).</summary>
    private static List<Item> BuildTree(IReadOnlyList<Bookmark> bookmarks, int outlineRoot)
    {
        var items = new List<Item>();
        var next = outlineRoot + 1;
        int? parent = null;
        foreach (var mark in bookmarks)
        {
            var item = new Item(next++, mark.Level > 1 && parent is { } p ? p : outlineRoot, mark.Title, mark.Destination, mark.Level);
            if (mark.Level == 1)
                parent = item.Number;
            items.Add(item);
        }
        return items;
    }

    private static string Utf16(string text)
    {
        var hex = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(text))
            hex.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return hex.Append('>').ToString();
    }

    private static string ReadTail(Stream pdf, long start)
    {
        var length = (int)Math.Min(4096, pdf.Length - start);
        var buffer = new byte[length];
        pdf.Seek(-length, SeekOrigin.End);
        pdf.ReadExactly(buffer);
        return Encoding.Latin1.GetString(buffer);
    }

    /// <summary>Reads "N 0 obj ... endobj" by scanning the file; the catalog is a small uncompressed dictionary.</summary>
    private static string ReadObject(Stream pdf, long start, int number)
    {
        pdf.Seek(start, SeekOrigin.Begin);
        var marker = $"\n{number} 0 obj";
        var window = new byte[64 * 1024];
        var carry = "";
        int count;
        while ((count = pdf.Read(window)) > 0)
        {
            var text = carry + Encoding.Latin1.GetString(window, 0, count);
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = text[(at + marker.Length)..];
                while (!rest.Contains("endobj", StringComparison.Ordinal) && (count = pdf.Read(window)) > 0)
                    rest += Encoding.Latin1.GetString(window, 0, count);
                return rest[..rest.IndexOf("endobj", StringComparison.Ordinal)].Trim();
            }
            carry = text[Math.Max(0, text.Length - marker.Length)..];
        }
        throw new InvalidDataException($"The PDF has no object {number} (its catalog).");
    }

    [GeneratedRegex(@"trailer\s*<<(.*?)>>\s*startxref", RegexOptions.Singleline)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefPattern();
}
