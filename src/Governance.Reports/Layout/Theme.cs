using Governance.Domain.Performance;
using PdfSharp.Drawing;

namespace Governance.Reports.Layout;

/// <summary>Page geometry, type sizes and colours: one place, so every document reads as one house style.</summary>
internal static class Theme
{
    // A4 in points, with 20 mm side margins and room for the running header and footer.
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Left = 56.7f;
    public const float Right = PageWidth - 56.7f;
    public const float Top = 78f;
    public const float Bottom = PageHeight - 62f;
    public const float TextWidth = Right - Left;

    public const float BodySize = 10.5f;
    public const float BodyLeading = 14.6f;
    public const float SmallSize = 9f;
    public const float SmallLeading = 12f;
    public const float NumberIndent = 34f;
    public const float ParagraphGap = 6f;

    public static readonly XColor Ink = XColor.FromArgb(0x1B, 0x1F, 0x24);
    public static readonly XColor Muted = XColor.FromArgb(0x5A, 0x63, 0x6E);
    public static readonly XColor Accent = XColor.FromArgb(0x1D, 0x35, 0x57);
    public static readonly XColor Rule = XColor.FromArgb(0xB8, 0xC2, 0xCC);
    public static readonly XColor Stripe = XColor.FromArgb(0xF3, 0xF5, 0xF8);
    public static readonly XColor White = XColors.White;
    public static readonly XColor Green = XColor.FromArgb(0x00, 0x70, 0x3C);
    public static readonly XColor Amber = XColor.FromArgb(0xFF, 0xBF, 0x47);
    public static readonly XColor Red = XColor.FromArgb(0xD4, 0x35, 0x1C);

    // Amber as a line or a label on white: the fill colour is far too light for text (1.7:1), and the old
    // darker amber reached only 2.97:1. This brown-amber reaches 5.3:1, as WCAG 2.2 AA asks of text.
    public static readonly XColor AmberText = XColor.FromArgb(0x8F, 0x5B, 0x00);

    public static readonly XColor[] Series = [Accent, XColor.FromArgb(0x28, 0xA1, 0x97), XColor.FromArgb(0x6F, 0x72, 0xAF), XColor.FromArgb(0xB5, 0x88, 0x40)];

    public static XColor Fill(Rag rag) => rag switch { Rag.Green => Green, Rag.Amber => Amber, _ => Red };

    // White on green and red, dark ink on amber: each pair passes WCAG AA contrast.
    public static XColor TextOn(Rag rag) => rag == Rag.Amber ? Ink : White;

    public static XColor Reference(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Target => Green,
        ReferenceKind.Amber => AmberText,
        _ => Red,
    };
}
