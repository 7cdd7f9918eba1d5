using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The built API run as a separate operating-system process on 127.0.0.1, for tests that need two real hosts.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>Which build to run and where: the tests' own build by default, or a published copy from another folder.</summary>
    public sealed record Build(string Assembly, string WorkingDirectory)
    {
        public static Build TestsOwn => new(typeof(Program).Assembly.Location, Path.GetDirectoryName(typeof(Program).Assembly.Location)!);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, Build? build, params string[] arguments)
    {
        build ??= Build.TestsOwn;
        var start = new ProcessStartInfo("dotnet", [build.Assembly, .. arguments])
        {
            WorkingDirectory = build.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    /// <summary>Runs a host command (e.g. backup FILE) to its end: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string> settings, string[] command, CancellationToken ct, Build? build = null)
    {
        using var process = Process.Start(StartInfo(settings, build, ["--", .. command]))!;
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, output + await error);
    }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct, Build? build = null)
    {
        var port = FreePort();
        var start = StartInfo(settings, build);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";

        var host = new HostProcess(Process.Start(start)!, port);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync(ct);
        return host;
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

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{Port}/health"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"The host did not become healthy in 90 s:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
