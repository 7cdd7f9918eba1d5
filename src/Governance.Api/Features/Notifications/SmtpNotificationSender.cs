using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Governance.Api.Features.Notifications;

/// <summary>The `Smtp` configuration section: Host, Port, From, UserName, Password, StartTls.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string From { get; set; } = "governance@localhost";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool StartTls { get; set; } = true;

    /// <summary>Base address of the API for links in e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends notifications by e-mail through the configured SMTP server.</summary>
internal sealed class SmtpNotificationSender(Microsoft.Extensions.Options.IOptions<SmtpOptions> options) : INotificationSender
{
    public async Task SendAsync(IReadOnlyList<string> recipients, string subject, string body, string? link, CancellationToken ct)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var recipient in recipients)
            message.Bcc.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = link is null ? body : $"{body}\n\n{smtp.PublicBaseUrl}{link}" };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
