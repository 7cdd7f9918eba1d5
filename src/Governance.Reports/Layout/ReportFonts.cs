using PdfSharp.Fonts;

namespace Governance.Reports.Layout;

/// <summary>
/// The typefaces documents are set in, loaded from Debian's font packages so that every PDF embeds the same
/// fonts on every machine: Liberation Sans (fonts-liberation2, metric-compatible with Arial, the face most
/// council reports use), else DejaVu Sans (fonts-dejavu-core). Nothing is taken from whatever the system
/// happens to resolve: a missing font is an error at start-up, not a PDF set in a fallback face.
/// </summary>
public sealed class ReportFonts : IDisposable
{
    public static readonly IReadOnlyList<FontFamilyFiles> Candidates =
    [
        new("Liberation Sans", "fonts-liberation2", "/usr/share/fonts/truetype/liberation2",
            "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"),
        new("DejaVu Sans", "fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu",
            "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    ];

    private ReportFonts(FontFamilyFiles family) => Files = family;

    public string Family => Files.Name;

    internal FontFamilyFiles Files { get; }

    /// <summary>Every family whose files are installed, in order of preference: the paper tests run in each.</summary>
    public static IEnumerable<string> Installed(IReadOnlyList<FontFamilyFiles>? candidates = null) =>
        (candidates ?? Candidates).Where(IsInstalled).Select(f => f.Name);

    /// <summary>Loads the first complete family of <paramref name="candidates"/> (by default <see cref="Candidates"/>).</summary>
    /// <exception cref="ReportFontsMissingException">No candidate family is installed.</exception>
    public static ReportFonts Load(IReadOnlyList<FontFamilyFiles>? candidates = null)
    {
        var families = candidates ?? Candidates;
        var family = families.FirstOrDefault(IsInstalled) ?? throw new ReportFontsMissingException(families);
        ReportFontResolver.Register(family);
        return new ReportFonts(family);
    }

    /// <summary>Loads the named family, which must be one of <see cref="Candidates"/> and installed.</summary>
    public static ReportFonts Load(string family) =>
        Load(Candidates.Where(c => c.Name == family).ToList() is { Count: > 0 } named ? named : throw new ArgumentException($"{family} is not a report font.", nameof(family)));

    private static bool IsInstalled(FontFamilyFiles family) =>
        family.Files.All(f => File.Exists(Path.Combine(family.Directory, f)));

    // The font files belong to PDFsharp's process-wide resolver once loaded; nothing to release per instance.
    public void Dispose()
    {
    }
}

public sealed record FontFamilyFiles(string Name, string DebianPackage, string Directory, params string[] Files);

public sealed class ReportFontsMissingException(IEnumerable<FontFamilyFiles> tried) : Exception(
    "No font for PDF documents is installed. Install one of the Debian packages "
    + string.Join(" or ", tried.Select(t => t.DebianPackage).Distinct())
    + " (apt-get install fonts-liberation2 fonts-dejavu-core). Looked for: "
    + string.Join("; ", tried.Select(t => $"{t.Name} in {t.Directory}")));

/// <summary>
/// PDFsharp finds fonts through one process-wide resolver. This one serves only the report families that have
/// been loaded, from their files, and refuses every other name, so a PDF never silently falls back to another face.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, FontFamilyFiles> Families = [];
    private static readonly Dictionary<string, byte[]> Faces = [];

    public static void Register(FontFamilyFiles family)
    {
        lock (Gate)
        {
            Families[family.Name] = family;
            if (GlobalFontSettings.FontResolver is not ReportFontResolver)
                GlobalFontSettings.FontResolver = new ReportFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        lock (Gate)
        {
            if (!Families.ContainsKey(familyName))
                return null;
        }
        // Regular, bold and italic are files of their own: no simulated bold or slant.
        var face = bold ? 1 : italic ? 2 : 0;
        return new FontResolverInfo($"{familyName}#{face}");
    }

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (Faces.TryGetValue(faceName, out var bytes))
                return bytes;
            var hash = faceName.LastIndexOf('#');
            if (hash < 0 || !Families.TryGetValue(faceName[..hash], out var family))
                return null;
            var file = family.Files[int.Parse(faceName[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture)];
            bytes = File.ReadAllBytes(Path.Combine(family.Directory, file));
            Faces[faceName] = bytes;
            return bytes;
        }
    }
}
