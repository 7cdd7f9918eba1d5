using SkiaSharp;

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

    private ReportFonts(string family, SKTypeface regular, SKTypeface bold, SKTypeface italic)
    {
        Family = family;
        Regular = regular;
        Bold = bold;
        Italic = italic;
    }

    public string Family { get; }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Italic { get; }

    /// <summary>Loads the first complete family of <paramref name="candidates"/> (by default <see cref="Candidates"/>).</summary>
    /// <exception cref="ReportFontsMissingException">No candidate family is installed.</exception>
    public static ReportFonts Load(IReadOnlyList<FontFamilyFiles>? candidates = null)
    {
        var families = candidates ?? Candidates;
        foreach (var family in families)
        {
            var paths = family.Files.Select(f => Path.Combine(family.Directory, f)).ToList();
            if (!paths.All(File.Exists))
                continue;
            var faces = paths.Select(p => SKTypeface.FromFile(p)).ToList();
            if (faces.Any(f => f is null))
            {
                faces.ForEach(f => f?.Dispose());
                continue;
            }
            return new ReportFonts(family.Name, faces[0], faces[1], faces[2]);
        }
        throw new ReportFontsMissingException(families);
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
        Italic.Dispose();
    }
}

public sealed record FontFamilyFiles(string Name, string DebianPackage, string Directory, params string[] Files);

public sealed class ReportFontsMissingException(IEnumerable<FontFamilyFiles> tried) : Exception(
    "No font for PDF documents is installed. Install one of the Debian packages "
    + string.Join(" or ", tried.Select(t => t.DebianPackage).Distinct())
    + " (apt-get install fonts-liberation2 fonts-dejavu-core). Looked for: "
    + string.Join("; ", tried.Select(t => $"{t.Name} in {t.Directory}")));
