using Governance.Reports.Layout;

[assembly: AssemblyFixture(typeof(Governance.Reports.Tests.Layout.RendererFixture))]

namespace Governance.Reports.Tests.Layout;

/// <summary>One set of loaded fonts for the assembly: loading typefaces is the slow part of a first render.</summary>
public sealed class RendererFixture : IDisposable
{
    public ReportFonts Fonts { get; } = ReportFonts.Load();

    public PdfRenderer Renderer => new(Fonts);

    public byte[] Render(params Block[] blocks) => Renderer.RenderToBytes(new ReportDocument(SampleDocuments.Info(), blocks));

    public void Dispose() => Fonts.Dispose();
}
