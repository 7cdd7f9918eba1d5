using Governance.Domain.Performance;
using SkiaSharp;

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

    public static readonly SKColor Ink = new(0x1B, 0x1F, 0x24);
    public static readonly SKColor Muted = new(0x5A, 0x63, 0x6E);
    public static readonly SKColor Accent = new(0x1D, 0x35, 0x57);
    public static readonly SKColor Rule = new(0xB8, 0xC2, 0xCC);
    public static readonly SKColor Stripe = new(0xF3, 0xF5, 0xF8);
    public static readonly SKColor White = SKColors.White;
    public static readonly SKColor Green = new(0x00, 0x70, 0x3C);
    public static readonly SKColor Amber = new(0xFF, 0xBF, 0x47);
    public static readonly SKColor Red = new(0xD4, 0x35, 0x1C);

    public static readonly SKColor[] Series = [Accent, new(0x28, 0xA1, 0x97), new(0x6F, 0x72, 0xAF), new(0xB5, 0x88, 0x40)];

    public static SKColor Fill(Rag rag) => rag switch { Rag.Green => Green, Rag.Amber => Amber, _ => Red };

    // White on green and red, dark ink on amber: each pair passes WCAG AA contrast.
    public static SKColor TextOn(Rag rag) => rag == Rag.Amber ? Ink : White;

    public static SKColor Reference(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Target => Green,
        ReferenceKind.Amber => new SKColor(0xC7, 0x8A, 0x00),
        _ => Red,
    };
}
