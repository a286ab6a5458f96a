using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Vorlagen.Api.Features.Meetings;

/// <summary>SMTP settings for invitations (<c>Vorlagen:Mail:*</c>); without a host no e-mail is sent.</summary>
public sealed record MailOptions(string? Host, int Port, string From, string Security, string? Username, string? Password)
{
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public static MailOptions Read(IConfiguration configuration) => new(
        configuration["Vorlagen:Mail:Host"], int.TryParse(configuration["Vorlagen:Mail:Port"], out var port) ? port : 25,
        configuration["Vorlagen:Mail:From"] is { Length: > 0 } from ? from : "sitzungsdienst@localhost",
        (configuration["Vorlagen:Mail:Security"] ?? "starttls-when-available").Trim().ToLowerInvariant(),
        configuration["Vorlagen:Mail:Username"], configuration["Vorlagen:Mail:Password"]);
}

/// <summary>Sends invitation mails through one SMTP connection (MailKit). A failed recipient is reported, not thrown.</summary>
public sealed class InvitationMailer(MailOptions options)
{
    public sealed record Mail(string To, string ToName, string Subject, string Text);

    public bool Configured => options.Configured;

    /// <summary>Sends every mail; returns the error per mail (null: accepted by the server).</summary>
    public async Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<Mail> mails, CancellationToken cancellationToken)
    {
        var errors = new string?[mails.Count];
        if (mails.Count == 0) return errors;
        using var client = new SmtpClient();
        try
        {
            var security = options.Security switch
            {
                "none" => SecureSocketOptions.None, "tls" => SecureSocketOptions.SslOnConnect, "starttls" => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.Username)) await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Array.Fill(errors, $"SMTP-Server nicht erreichbar: {e.Message}");
            return errors;
        }
        for (var i = 0; i < mails.Count; i++)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(options.From));
            message.To.Add(new MailboxAddress(mails[i].ToName, mails[i].To));
            message.Subject = mails[i].Subject;
            message.Body = new TextPart("plain") { Text = mails[i].Text };
            try { await client.SendAsync(message, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors[i] = e.Message;
                if (!client.IsConnected) { for (var j = i + 1; j < mails.Count; j++) errors[j] = $"Verbindung zum SMTP-Server verloren: {e.Message}"; return errors; }
            }
        }
        try { await client.DisconnectAsync(true, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { /* every mail was handed over; a failed QUIT changes nothing */ }
        return errors;
    }
}
