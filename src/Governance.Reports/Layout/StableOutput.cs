using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Reports.Layout;

/// <summary>
/// PDFsharp names each embedded font subset with a random six-letter tag ("SRPDVO+Liberation Sans") and gives the
/// XMP metadata random UUIDs, so the same paper would never render to the same bytes twice (and every regeneration
/// would look like a new version). This rewrites each, in place and at the same length (the cross-reference
/// offsets stay right), to values derived from the document's identifier: distinct subsets keep distinct tags, as
/// ISO 32000-1 9.6.4 requires.
/// </summary>
internal static partial class StableOutput
{
    public static void Apply(Span<byte> pdf, string documentId)
    {
        // Font names live in uncompressed dictionaries; the pattern is anchored on their keys, never on stream data.
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in FontNameTag().Matches(text))
        {
            var tag = match.Groups["tag"];
            if (!tags.TryGetValue(tag.Value, out var stable))
            {
                stable = Derive(documentId, tags.Count);
                tags[tag.Value] = stable;
            }
            Encoding.ASCII.GetBytes(stable, pdf.Slice(tag.Index, 6));
        }
        foreach (Match match in XmpUuid().Matches(text))
        {
            var uuid = match.Groups["uuid"];
            var stable = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{documentId}/{match.Groups["key"].Value}"))[..16]).ToString("D");
            Encoding.ASCII.GetBytes(stable, pdf.Slice(uuid.Index, uuid.Length));
        }
    }

    private static string Derive(string documentId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{documentId}/{index}"));
        return string.Create(6, hash, (letters, h) =>
        {
            for (var i = 0; i < letters.Length; i++)
                letters[i] = (char)('A' + h[i] % 26);
        });
    }

    [GeneratedRegex(@"/(?:FontName|BaseFont)\s*/(?<tag>[A-Z]{6})\+", RegexOptions.CultureInvariant)]
    private static partial Regex FontNameTag();

    [GeneratedRegex(@"<xmpMM:(?<key>DocumentID|InstanceID)>uuid:(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})<", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuid();
}
