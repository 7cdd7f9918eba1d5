using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Governance.Reports.Tests.Layout;

/// <summary>
/// Reads a PDF's structure tree back with PdfPig's object model (it has no tagged-PDF API): the element types in
/// reading order, each with its /Alt where it has one, and the catalogue's /Lang and /MarkInfo.
/// </summary>
internal sealed record StructureElement(string Type, string? Alt, int Depth);

internal static class PdfStructureTree
{
    public static List<StructureElement> Read(byte[] pdf, out string? language, out bool marked)
    {
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var catalog = document.Structure.Catalog.CatalogDictionary;
        language = catalog.TryGet(NameToken.Create("Lang"), scanner, out StringToken? lang) ? lang.Data : null;
        marked = catalog.TryGet(NameToken.Create("MarkInfo"), scanner, out DictionaryToken? markInfo)
            && markInfo.TryGet(NameToken.Create("Marked"), scanner, out BooleanToken? isMarked) && isMarked.Data;
        var elements = new List<StructureElement>();
        if (catalog.TryGet(NameToken.Create("StructTreeRoot"), scanner, out DictionaryToken? root))
            Walk(root, 0);
        return elements;

        void Walk(DictionaryToken node, int depth)
        {
            if (node.TryGet(NameToken.Create("S"), scanner, out NameToken? type))
            {
                var alt = node.TryGet(NameToken.Create("Alt"), scanner, out StringToken? text) ? text.Data : null;
                elements.Add(new StructureElement(type.Data, alt, depth));
            }
            if (!node.TryGet(NameToken.Create("K"), out var kids))
                return;
            foreach (var kid in kids is ArrayToken array ? array.Data : [kids])
            {
                var resolved = kid is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : kid;
                if (resolved is DictionaryToken child && !child.ContainsKey(NameToken.Create("MCID")))
                    Walk(child, depth + 1);
            }
        }
    }
}
