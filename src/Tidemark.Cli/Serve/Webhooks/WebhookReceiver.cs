using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tidemark.Configuration.Service;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// Handles one delivery: the sender must be known and enabled (else 404), the secret or signature must match (401,
/// checked before the body is parsed), the body must fit (413) and parse (400); a replay is answered 200 with no side
/// effect; the rest becomes reconcile requests and image pushes (202, or 200 when there was nothing to do).
/// </summary>
internal sealed class WebhookReceiver
{
    /// <summary>The largest body read; real deliveries are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly ServeContext _context;
    private readonly ReplayGuard _replays;
    private readonly ILogger _logger;
    private readonly IReadOnlyDictionary<string, SecretSetting> _secrets;

    public WebhookReceiver(ServeContext context)
    {
        _context = context;
        _replays = new ReplayGuard(context.Time);
        _logger = context.Logging.CreateLogger("Tidemark.Serve.Webhooks");
        _secrets = EnabledSecrets(context, _logger);
    }

    public async Task<IResult> GitHubAsync(HttpContext http)
    {
        var parser = WebhookParsers.Find("github")!;
        if (!_secrets.TryGetValue(parser.Sender, out var secret))
        {
            return Results.NotFound(new WebhookResponse("disabled", "the GitHub webhook has no secret in the service settings"));
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return Refuse(parser.Sender, StatusCodes.Status413PayloadTooLarge, WebhookOutcomes.Malformed, $"the body is larger than {MaxBodyBytes} bytes");
        }

        if (!WebhookSecrets.SignatureMatches(http.Request.Headers["X-Hub-Signature-256"].FirstOrDefault(), body, secret.Value))
        {
            return Refuse(parser.Sender, StatusCodes.Status401Unauthorized, WebhookOutcomes.Unauthorized, "X-Hub-Signature-256 is missing or does not match the body and the configured secret");
        }

        return Handle(http, parser, Payload(body, http.Request));
    }

    public async Task<IResult> RegistryAsync(HttpContext http, string sender, string? pathSecret)
    {
        if (WebhookParsers.Find(sender) is not { } parser || parser is GitHubParser)
        {
            return Results.NotFound(new WebhookResponse("unknown", $"no webhook sender named {sender}; senders: {string.Join(", ", RegistrySenders)}"));
        }

        if (!_secrets.TryGetValue(parser.Sender, out var secret))
        {
            return Results.NotFound(new WebhookResponse("disabled", $"the {parser.Sender} webhook has no secret in the service settings (webhooks.registries.{parser.Sender})"));
        }

        if (!SecretCompare.Equal(pathSecret ?? BearerToken(http.Request), secret.Value))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Refuse(parser.Sender, StatusCodes.Status401Unauthorized, WebhookOutcomes.Unauthorized, "the secret (Authorization: Bearer, or the last path segment) is missing or wrong");
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        return body is null
            ? Refuse(parser.Sender, StatusCodes.Status413PayloadTooLarge, WebhookOutcomes.Malformed, $"the body is larger than {MaxBodyBytes} bytes")
            : Handle(http, parser, Payload(body, http.Request));
    }

    private static IEnumerable<string> RegistrySenders => WebhookParsers.All.Where(p => p is not GitHubParser).Select(p => p.Sender);

    private IResult Handle(HttpContext http, IWebhookParser parser, WebhookPayload payload)
    {
        var parsed = parser.Parse(payload);
        if (parsed is WebhookParse.Malformed malformed)
        {
            return Refuse(parser.Sender, StatusCodes.Status400BadRequest, WebhookOutcomes.Malformed, malformed.Reason);
        }

        if (!_context.Status.AcceptingWork)
        {
            // checked before the replay key is recorded: the sender's retry, after the restart, must not count as a replay
            http.Response.Headers.RetryAfter = "30";
            return Refuse(parser.Sender, StatusCodes.Status503ServiceUnavailable, WebhookOutcomes.Unavailable, "the service is stopping; send this delivery again later");
        }

        var (id, key, window) = ReplayKey(parser, parsed, payload);
        if (!_replays.TryRecord($"{parser.Sender}:{key}", window))
        {
            Log.Replayed(_logger, parser.Sender, id);
            return Answer(parser.Sender, StatusCodes.Status200OK, new WebhookResponse(WebhookOutcomes.Replayed, "this delivery was handled before"));
        }

        if (parsed is WebhookParse.Ignored ignored)
        {
            Log.Ignored(_logger, parser.Sender, id, ignored.Reason);
            return Answer(parser.Sender, StatusCodes.Status200OK, new WebhookResponse(WebhookOutcomes.Ignored, ignored.Reason));
        }

        return Apply(parser.Sender, id, ((WebhookParse.Accepted)parsed).Triggers);
    }

    private IResult Apply(string sender, string id, IReadOnlyList<WebhookTrigger> triggers)
    {
        var triggered = new List<string>();
        var notes = new List<string>();
        var acted = false;
        foreach (var reconcile in triggers.OfType<WebhookTrigger.Reconcile>().DistinctBy(r => r.Repository, StringComparer.OrdinalIgnoreCase))
        {
            if (_context.Triggers.Request(reconcile.Repository, RunTrigger.Webhook(sender, reconcile.Why)))
            {
                acted = true;
                triggered.Add(reconcile.Repository);
            }
            else
            {
                notes.Add($"{reconcile.Repository} is not an enabled repository of this service");
            }
        }

        foreach (var push in triggers.OfType<WebhookTrigger.BranchPushed>().DistinctBy(p => p.Repository, StringComparer.OrdinalIgnoreCase))
        {
            switch (_context.Triggers.BranchPushed(push.Repository, push.Branch, push.DefaultBranch, RunTrigger.Webhook(sender, $"push to {push.Branch}")))
            {
                case null:
                    notes.Add($"{push.Repository} is not an enabled repository of this service");
                    break;
                case { Triggered: true }:
                    acted = true;
                    triggered.Add(push.Repository);
                    notes.Add($"push to {push.Branch}");
                    break;
                case var other:
                    var bases = other.BaseBranches.Count == 0 ? "unknown" : string.Join(", ", other.BaseBranches);
                    notes.Add($"push to {push.Branch}: only pushes to the base branch of {push.Repository} ({bases}) trigger a reconcile");
                    break;
            }
        }

        foreach (var image in triggers.OfType<WebhookTrigger.ImagePushed>().GroupBy(p => p.ImageRepository, StringComparer.Ordinal))
        {
            acted = true;
            var tags = string.Join(", ", image.Select(p => p.Tag).OfType<string>().Distinct(StringComparer.Ordinal));
            var note = tags.Length > 0 ? $"pushed {image.Key}:{tags}" : $"pushed {image.Key}";
            triggered.AddRange(_context.Triggers.ImagePushed(image.Key, RunTrigger.Webhook(sender, note)));
            notes.Add(note);
        }

        var summary = string.Join("; ", notes);
        if (!acted)
        {
            Log.Ignored(_logger, sender, id, summary);
            return Answer(sender, StatusCodes.Status200OK, new WebhookResponse(WebhookOutcomes.Ignored, summary));
        }

        var distinct = triggered.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Log.Accepted(_logger, sender, id, $"{summary}; triggered {(distinct.Count == 0 ? "no repository" : string.Join(", ", distinct))}");
        return Answer(sender, StatusCodes.Status202Accepted, new WebhookResponse(WebhookOutcomes.Accepted, summary, distinct));
    }

    private IResult Refuse(string sender, int status, string outcome, string reason)
    {
        Log.Refused(_logger, sender, status, outcome, reason);
        return Answer(sender, status, new WebhookResponse(outcome, reason));
    }

    private IResult Answer(string sender, int status, WebhookResponse response)
    {
        _context.Observer.WebhookHandled(sender, response.Outcome);
        return Results.Json(response, statusCode: status);
    }

    /// <summary>
    /// The delivery's id for logs and its replay key: the registry's delivery id when it gives one (remembered a day), else
    /// the body's SHA-256 (remembered minutes). GitHub's signature covers the body only, not <c>X-GitHub-Delivery</c>, so a
    /// GitHub delivery is keyed on the body's SHA-256 for a day: a signed body resent with a new delivery id is a replay.
    /// </summary>
    private static (string Id, string Key, TimeSpan Window) ReplayKey(IWebhookParser parser, WebhookParse parsed, WebhookPayload payload)
    {
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(payload.Body.Span));
        var id = parsed switch
        {
            WebhookParse.Accepted accepted => accepted.DeliveryId,
            WebhookParse.Ignored ignored => ignored.DeliveryId,
            _ => null,
        };
        if (parser is GitHubParser)
        {
            return (LogId(id ?? hash), hash, ReplayGuard.IdWindow);
        }

        return id is not null ? (LogId(id), id, ReplayGuard.IdWindow) : (hash, hash, ReplayGuard.BodyWindow);
    }

    /// <summary>A delivery id short enough for a log line (a distribution notification lists every event id).</summary>
    internal static string LogId(string id)
    {
        const int max = 100;
        return id.Length <= max ? id : $"{id[..max]}… ({id.Length} characters)";
    }

    private static WebhookPayload Payload(byte[] body, HttpRequest request) =>
        new(body, request.Headers
            .Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));

    private static string? BearerToken(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The configured secrets by sender, registered with the redactor; a secret too short to be safe disables its hook.</summary>
    private static Dictionary<string, SecretSetting> EnabledSecrets(ServeContext context, ILogger logger)
    {
        var configured = context.Settings.Webhooks.Registries.Select(r => (Sender: r.Key, Secret: r.Value)).ToList();
        if (context.Settings.Webhooks.GitHub is { } github)
        {
            configured.Add(("github", github));
        }

        var enabled = new Dictionary<string, SecretSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sender, secret) in configured)
        {
            context.Redactor.Register(secret.Value);
            if (secret.Value.Length < WebhookSecrets.MinimumLength)
            {
                Log.SecretTooShort(logger, sender, secret.Source, WebhookSecrets.MinimumLength);
                continue;
            }

            enabled[sender] = secret;
        }

        return enabled;
    }
}
