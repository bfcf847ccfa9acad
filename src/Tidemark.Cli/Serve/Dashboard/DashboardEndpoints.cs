using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Tidemark.State;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>
/// The service's dashboard (docs/dashboard.md): server-rendered pages <c>/</c>, <c>/repos/{owner}/{name}</c>,
/// <c>/tokens</c>, <c>/audit</c>, the JSON mirror <c>/api/repos</c>, and the admin's "reconcile now"
/// (<c>POST /repos/{owner}/{name}/reconcile</c>, only with <c>dashboard.adminToken</c>). Every route is read-only except
/// that one and the admin sign-in; every route needs the configured credentials: the host maps them in <see cref="DashboardAccess.MapGuarded"/>'s group.
/// </summary>
internal static class DashboardEndpoints
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private const int RecentRuns = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
        var log = context.Logging.CreateLogger("Tidemark.Serve.Dashboard");
        var admin = context.Settings.Dashboard.AdminToken is { } adminToken ? new AdminSessions(adminToken, context.Time) : null;

        routes.MapGet("/", Handler(http => OverviewAsync(http, context, admin)));
        routes.MapGet("/repos/{owner}/{name}", (HttpContext http, string owner, string name) => RepositoryAsync(http, context, admin, owner + "/" + name));
        routes.MapGet("/tokens", Handler(http => TokensAsync(http, context, admin)));
        routes.MapGet("/audit", Handler(http => AuditAsync(http, context, admin)));
        routes.MapGet("/api/repos", Handler(http => ApiRepositoriesAsync(http, context)));

        routes.MapGet("/admin", () => admin is null ? NotFound() : Page(DashboardPages.SignIn(null)));
        routes.MapPost("/admin/sign-in", Handler(http => SignInAsync(http, admin, log)));
        routes.MapPost("/admin/sign-out", Handler(http => SignOutAsync(http, admin)));
        routes.MapPost("/repos/{owner}/{name}/reconcile", (HttpContext http, string owner, string name) => ReconcileAsync(http, context, admin, log, owner + "/" + name));
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, ServeContext context, AdminSessions? admin)
    {
        var repositories = await RepositoryOverview.LoadAllAsync(context.Status, context.State, http.RequestAborted).ConfigureAwait(false);
        return Page(DashboardPages.Overview(repositories, context.Time.GetUtcNow(), View(http, admin), Requested(http)));
    }

    private static async Task<IResult> RepositoryAsync(HttpContext http, ServeContext context, AdminSessions? admin, string repository)
    {
        var ct = http.RequestAborted;
        if (Find(context, repository) is not { } status)
        {
            return NotFound($"No repository {repository} is configured in this service.");
        }

        var pulls = await context.State.PullRequestReader.ListPullRequestsAsync(status.Name, ct).ConfigureAwait(false);
        var overview = await RepositoryOverview.LoadAsync(status, context.State, ct, pulls).ConfigureAwait(false);
        var runs = await context.State.RunReader.ListRunsAsync(status.Name, RecentRuns, ct).ConfigureAwait(false);
        RunRecord? decided = null;
        IReadOnlyList<DecisionRecord> decisions = [];
        // the newest run that recorded decisions (a run that failed before planning records none)
        foreach (var run in runs)
        {
            decisions = await context.State.RunReader.ListDecisionsAsync(run.Id, ct).ConfigureAwait(false);
            if (decisions.Count > 0)
            {
                decided = run;
                break;
            }
        }

        var ordered = pulls.OrderBy(p => p.State == PullRequestState.Open ? 0 : 1).ThenByDescending(p => p.UpdatedAt).ToList();
        return Page(DashboardPages.Repository(overview, runs, decided, decisions, ordered, context.Time.GetUtcNow(), View(http, admin), Requested(http)));
    }

    private static async Task<IResult> TokensAsync(HttpContext http, ServeContext context, AdminSessions? admin)
    {
        var ct = http.RequestAborted;
        var tokens = await context.State.TokenReader.ListTokensAsync(ct).ConfigureAwait(false);
        var rotations = await context.State.TokenReader.ListRotationsAsync(ct).ConfigureAwait(false);
        var refusals = await context.State.TokenReader.ListRefusalsAsync(ct).ConfigureAwait(false);
        var checks = await context.State.AuditReader.QueryAsync(new AuditQuery(ActionPrefix: "token.", Limit: 50), ct).ConfigureAwait(false);
        return Page(DashboardPages.Tokens(tokens, rotations, refusals, checks, context.Time.GetUtcNow(), View(http, admin)));
    }

    private static async Task<IResult> AuditAsync(HttpContext http, ServeContext context, AdminSessions? admin)
    {
        var query = http.Request.Query;
        var pageText = Value(query["page"]) ?? "1";
        if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1 || page > 100_000)
        {
            return Page(DashboardPages.Message("Bad page", $"page={pageText} is not a page number; use a whole number from 1 (or leave it out)."), StatusCodes.Status400BadRequest);
        }

        var filter = new AuditFilter(Value(query["repo"]), Value(query["run"]), Value(query["action"]), Value(query["outcome"]), page);
        var events = await context.State.AuditReader.QueryAsync(filter.Query(), http.RequestAborted).ConfigureAwait(false);
        var more = events.Count > AuditFilter.PageSize;
        return Page(DashboardPages.Audit(filter, [.. events.Take(AuditFilter.PageSize)], more, context.Time.GetUtcNow(), View(http, admin)));
    }

    private static async Task<IResult> ApiRepositoriesAsync(HttpContext http, ServeContext context)
    {
        var list = new List<object>();
        foreach (var r in await RepositoryOverview.LoadAllAsync(context.Status, context.State, http.RequestAborted).ConfigureAwait(false))
        {
            var status = r.Status;
            list.Add(new
            {
                name = status.Name,
                url = status.Url,
                intervalSeconds = (long)status.Interval.TotalSeconds,
                enabled = status.Error is null,
                error = status.Error,
                running = status.Running,
                nextRun = status.NextRun,
                lastRun = r.LastRunAt,
                lastRunId = status.LastRunId ?? r.LastRun?.RunId,
                lastRunSucceeded = status.LastRunSucceeded,
                outcome = r.Outcome,
                consecutiveFailures = status.ConsecutiveFailures,
                pendingUpdates = r.PendingUpdates,
                pullRequest = r.PullRequestUrl,
            });
        }

        Secure(http.Response);
        return Results.Json(list, Json);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, AdminSessions? admin, ILogger log)
    {
        if (admin is null)
        {
            return NotFound();
        }

        if (!SameOrigin(http.Request))
        {
            return Forbidden("This form must be sent from the dashboard's own pages.");
        }

        var remote = http.Connection.RemoteIpAddress;
        if (admin.Throttle.Attempt(remote) is { } wait)
        {
            // refused before the token is read or compared: guessing costs a minute per five tries (the lock-out's
            // start was logged as a warning once; each refusal is only a debug line, so a flood is not a log flood)
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            log.LogDebug("dashboard.admin.throttled: an admin sign-in from {Remote} refused for {Seconds} s", remote, seconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Page(DashboardPages.Message("Too many sign-ins", $"Too many wrong admin sign-ins from this address: try again in {seconds} seconds."), StatusCodes.Status429TooManyRequests);
        }

        var form = await ReadFormAsync(http).ConfigureAwait(false);
        if (!admin.TokenMatches(form is null ? null : Value(form["token"])))
        {
            log.LogWarning("dashboard.admin.refused: an admin sign-in with a wrong token from {Remote}", remote);
            if (admin.Throttle.Wait(remote) is not null)
            {
                log.LogWarning("dashboard.admin.throttled: {Remote} sent {Failures} wrong admin sign-ins within {Window} s; its sign-ins are refused for {LockOut} s", remote, SignInThrottle.MaxFailures, SignInThrottle.Window.TotalSeconds, SignInThrottle.LockOut.TotalSeconds);
            }

            return Page(DashboardPages.SignIn("That is not the admin token (the settings' dashboard.adminToken)."), StatusCodes.Status403Forbidden);
        }

        admin.Throttle.Succeeded(remote);
        admin.SignIn(http.Request, http.Response);
        log.LogInformation("dashboard.admin.signed-in from {Remote}", http.Connection.RemoteIpAddress);
        return Results.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, AdminSessions? admin)
    {
        if (admin is null)
        {
            return NotFound();
        }

        var form = await ReadFormAsync(http).ConfigureAwait(false);
        if (!SameOrigin(http.Request) || !admin.Allows(http.Request, form is null ? null : Value(form[AdminSessions.FormField])))
        {
            return Forbidden("Sign out from the dashboard's own page.");
        }

        admin.SignOut(http.Request, http.Response);
        return Results.Redirect("/");
    }

    private static async Task<IResult> ReconcileAsync(HttpContext http, ServeContext context, AdminSessions? admin, ILogger log, string repository)
    {
        if (admin is null)
        {
            return Forbidden("\"Reconcile now\" is off: the service's settings have no dashboard.adminToken.");
        }

        var form = await ReadFormAsync(http).ConfigureAwait(false);
        if (admin.Session(http.Request) is null)
        {
            return Forbidden("Sign in as admin first (/admin) to reconcile a repository now.");
        }

        if (!SameOrigin(http.Request) || !admin.Allows(http.Request, form is null ? null : Value(form[AdminSessions.FormField])))
        {
            return Forbidden("The form's anti-forgery value is missing or wrong; reload the page and use its button.");
        }

        if (Find(context, repository) is not { } status || !context.Triggers.Request(status.Name, RunTrigger.Dashboard))
        {
            return NotFound($"No enabled repository {repository} is configured in this service.");
        }

        log.LogInformation("dashboard.reconcile.requested {Repository}", status.Name);
        return Results.Redirect(Layout.RepositoryPath(status.Name) + "?requested=1");
    }

    /// <summary>A route handler (not a <see cref="RequestDelegate"/>, which would drop the result and skip the access filter).</summary>
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    private static RepositoryStatus? Find(ServeContext context, string repository) =>
        context.Status.Repositories.FirstOrDefault(r => string.Equals(r.Name, repository, StringComparison.OrdinalIgnoreCase));

    private static AdminView View(HttpContext http, AdminSessions? admin) =>
        new(admin is not null, admin?.Session(http.Request) is { } session ? admin.FormToken(session) : null);

    private static string? Requested(HttpContext http) =>
        Value(http.Request.Query["requested"]) == "1" ? "Reconcile requested: the run starts shortly (or right after the one in progress)." : null;

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;

    /// <summary>A browser names the page a POST came from (<c>Origin</c>); it must be this service. Clients that send no <c>Origin</c> still need the session and the form value.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Value(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 || string.IsNullOrWhiteSpace(values[0]) ? null : values[0]!.Trim();

    private static IResult Page(Html html, int status = StatusCodes.Status200OK) => new HtmlResult(html, status);

    private static IResult NotFound(string message = "No such page.") => Page(DashboardPages.Message("Not found", message), StatusCodes.Status404NotFound);

    private static IResult Forbidden(string message) => Page(DashboardPages.Message("Forbidden", message), StatusCodes.Status403Forbidden);

    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        // not no-referrer: with it a browser sends "Origin: null" on the dashboard's own form posts, which SameOrigin refuses
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
    }

    private sealed class HtmlResult(Html html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            Secure(httpContext.Response);
            return httpContext.Response.WriteAsync(html.Value, httpContext.RequestAborted);
        }
    }
}
