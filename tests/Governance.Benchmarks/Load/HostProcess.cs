using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Governance.Benchmarks.Load;

/// <summary>The API as a council runs it: its own process, serving on 127.0.0.1, started cold.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    public static HostProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var repo = Harness.Repository.Root;
        var api = Path.Combine(repo, "src", "Governance.Api");
        var dll = Path.Combine(api, "bin", "Release", "net10.0", "linux-x64", "Governance.Api.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the API in Release first (dotnet build -c Release src/Governance.Api): {dll} is missing.");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = api, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the demo accounts sign in
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Auth__SignInPerAddressPerMinute"] = "100000"; // the load test's clients all sign in from 127.0.0.1
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
