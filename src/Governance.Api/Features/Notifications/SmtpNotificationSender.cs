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

    /// <summary>
    /// The address people reach the service at (https://governance.council.example), for the links in e-mails. The
    /// default suits a developer's machine only; the host warns in Production while it is left unset.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends notifications by e-mail through the configured SMTP server, one message per person, addressed To: them.</summary>
internal sealed class SmtpNotificationSender(Microsoft.Extensions.Options.IOptions<SmtpOptions> options) : INotificationSender
{
    public async Task SendAsync(OutgoingMessage outgoing, CancellationToken ct)
    {
        var smtp = options.Value;
        var message = new MimeMessage { MessageId = outgoing.MessageId, Subject = outgoing.Subject };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(outgoing.To));
        message.Body = new TextPart("plain") { Text = outgoing.Link is null ? outgoing.Body : $"{outgoing.Body}\n\nOpen it: {outgoing.Link}" };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
