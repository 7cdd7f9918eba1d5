using System.Collections.Concurrent;
using Governance.Reports.Layout;

[assembly: AssemblyFixture(typeof(Governance.Reports.Tests.Layout.RendererFixture))]

namespace Governance.Reports.Tests.Layout;

/// <summary>
/// The report fonts, loaded once for the assembly. The host accepts Liberation Sans and, where it is absent, DejaVu
/// Sans (wider), so the tests that depend on text metrics run in each: see <see cref="InEachFont"/>.
/// </summary>
public sealed class RendererFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, ReportFonts> families = new();

    public ReportFonts Fonts { get; } = ReportFonts.Load();

    public PdfRenderer Renderer => new(Fonts);

    public ReportFonts FontsIn(string family) => families.GetOrAdd(family, ReportFonts.Load);

    public byte[] Render(params Block[] blocks) => Renderer.RenderToBytes(new ReportDocument(SampleDocuments.Info(), blocks));

    public void Dispose()
    {
        Fonts.Dispose();
        foreach (var fonts in families.Values)
            fonts.Dispose();
    }
}

/// <summary>A test class whose tests run in one accepted font family; each such class has a subclass per family.</summary>
public abstract class InEachFont(RendererFixture fixture, string family)
{
    public const string Liberation = "Liberation Sans";
    public const string DejaVu = "DejaVu Sans";

    protected ReportFonts Fonts => fixture.FontsIn(family);

    protected PdfRenderer Renderer => new(Fonts);

    protected byte[] Render(params Block[] blocks) => Renderer.RenderToBytes(new ReportDocument(SampleDocuments.Info(), blocks));
}
