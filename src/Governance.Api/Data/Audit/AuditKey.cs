using System.Security.Cryptography;

namespace Governance.Api.Data.Audit;

/// <summary>
/// The key that seals the audit chain, held outside the database: from configuration (<c>Audit:Key</c>, base64, for a
/// secret store or environment variable) or a key file (<c>Audit:KeyFile</c>, by default data/keys/audit.key, created
/// with a random key the first time the server writes). Whoever can edit the database but not read this key cannot
/// recompute the chain after an edit.
/// </summary>
public sealed class AuditKey
{
    private const int Length = 32;
    private readonly Lock gate = new();
    private readonly IConfiguration configuration;
    private readonly string contentRoot;
    private byte[]? key;

    public AuditKey(IConfiguration configuration, IHostEnvironment environment) => (this.configuration, contentRoot) = (configuration, environment.ContentRootPath);

    private AuditKey(byte[] key) => (configuration, contentRoot, this.key) = (new ConfigurationBuilder().Build(), "", key);

    /// <summary>A key that lives only in memory, for contexts built by hand at design time.</summary>
    public static AuditKey Ephemeral() => new(RandomNumberGenerator.GetBytes(Length));

    private string FilePath => Path.GetFullPath(configuration["Audit:KeyFile"] ?? Path.Combine("data", "keys", "audit.key"), contentRoot);

    /// <summary>The key for sealing: created in the key file if there is none yet.</summary>
    public byte[] ForSealing()
    {
        lock (gate)
            return key ??= Read() ?? Create();
    }

    /// <summary>The key for verifying: never created (verification only reads), null when there is none.</summary>
    public byte[]? ForVerifying()
    {
        lock (gate)
            return key ??= Read();
    }

    private byte[]? Read()
    {
        if (configuration["Audit:Key"] is { Length: > 0 } configured)
            return Checked(Convert.FromBase64String(configured), "Audit:Key");
        return File.Exists(FilePath) ? Checked(Convert.FromBase64String(File.ReadAllText(FilePath).Trim()), FilePath) : null;
    }

    private byte[] Create()
    {
        var created = RandomNumberGenerator.GetBytes(Length);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(FilePath, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(created));
            return created;
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            // Another server on this machine created it first: both seal with that one, once it is written.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (new FileInfo(FilePath).Length > 0)
                    return Read()!;
                Thread.Sleep(20);
            }
            throw;
        }
    }

    private static byte[] Checked(byte[] bytes, string source) =>
        bytes.Length >= Length ? bytes : throw new InvalidOperationException($"The audit key from {source} is {bytes.Length} bytes; it needs at least {Length}.");
}
