using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.Cli.Serve.Scheduling;

/// <summary>One reconcile the scheduler asks for: the repository, why (<see cref="RunTrigger"/>) and whether tag listings are read fresh.</summary>
internal sealed record ReconcileRequest(ServiceRepository Repository, RunTrigger Trigger, bool Refresh);

/// <summary>
/// The service's scheduler (docs/serve.md, "Scheduling"): each enabled repository is reconciled on its interval — the
/// first run at a random point of the first interval (no thundering herd after a restart), later ones after the
/// interval ± <see cref="JitterFraction"/> — at most one run per repository at a time and at most
/// <see cref="ServiceSettings.MaxConcurrentRuns"/> in all. Triggers (webhooks, "reconcile now") run the repository as
/// soon as a slot is free; triggers that arrive while it runs are coalesced into exactly one follow-up run. After
/// consecutive failures (a run that threw, or whose every image lookup failed: <see cref="RunOutcomes.CouldDoNothing"/>;
/// a partial run is no failure here) the next scheduled run waits interval × 2^failures, at most <see cref="MaxBackoff"/> (or the
/// interval when longer); a success resets it. A run that finds the repository's lease held by another replica is
/// skipped, not counted as a failure. On stop it takes no new work, lets running reconciles finish up to
/// <see cref="ServiceSettings.ShutdownTimeout"/>, then cancels them.
/// </summary>
internal sealed class ReconcileScheduler : BackgroundService, IReconcileTriggers, IServeStatus
{
    /// <summary>Later runs come after the interval ± this share of it.</summary>
    public const double JitterFraction = 0.1;

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>A triggered run skipped because another replica holds the lease is retried after this wait (not a full interval, so the trigger is not lost).</summary>
    public static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(30);

    private readonly ServiceSettings settings;
    private readonly Func<ReconcileRequest, CancellationToken, Task<RunResult>> run;
    private readonly IServeObserver observer;
    private readonly TimeProvider time;
    private readonly ISecretRedactor redactor;
    private readonly ILogger logger;
    private readonly Random random;
    private readonly Lock gate = new();
    private readonly List<Slot> slots;
    private readonly HashSet<Task> active = [];
    private readonly CancellationTokenSource runs = new();
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool running;
    private volatile bool stopping;

    public ReconcileScheduler(ServiceSettings settings, Func<ReconcileRequest, CancellationToken, Task<RunResult>> run, IServeObserver observer, TimeProvider time, ISecretRedactor redactor, ILogger logger, Random random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.run = run;
        this.observer = observer;
        this.time = time;
        this.redactor = redactor;
        this.logger = logger;
        this.random = random;
        slots = [.. settings.Repositories.Select(r => new Slot(r))];
    }

    public bool SchedulerRunning => running;

    public bool AcceptingWork => !stopping;

    public IReadOnlyList<RepositoryStatus> Repositories
    {
        get
        {
            lock (gate)
            {
                return [.. slots.Select(s => s.Status())];
            }
        }
    }

    public bool Request(string repository, RunTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(repository);
        lock (gate)
        {
            var slot = Enabled(repository);
            if (slot is null || stopping)
            {
                return false;
            }

            slot.Trigger(trigger, refresh: false);
        }

        Wake();
        return true;
    }

    public BranchPush? BranchPushed(string repository, string branch, string? defaultBranch, RunTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(branch);
        IReadOnlyList<string> bases;
        lock (gate)
        {
            var slot = Enabled(repository);
            if (slot is null || stopping)
            {
                return null;
            }

            bases = slot.BaseBranches ?? (defaultBranch is null ? [] : [defaultBranch]);
            if (!bases.Contains(branch, StringComparer.Ordinal))
            {
                return new BranchPush(false, bases);
            }

            slot.Trigger(trigger, refresh: false);
        }

        Wake();
        return new BranchPush(true, bases);
    }

    public IReadOnlyList<string> ImagePushed(string imageRepository, RunTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(imageRepository);
        var image = ImageNames.Normalise(imageRepository);
        List<string> triggered;
        lock (gate)
        {
            if (stopping)
            {
                return [];
            }

            var chosen = slots.Where(s => s.Repository.Enabled && (s.Images is null || s.Images.Contains(image))).ToList();
            foreach (var slot in chosen)
            {
                // the store's tag cache has no invalidation: the triggered run lists registries afresh instead
                slot.Trigger(trigger, refresh: true);
            }

            triggered = [.. chosen.Select(s => s.Repository.Name)];
        }

        if (triggered.Count > 0)
        {
            Wake();
        }

        return triggered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var start = time.GetUtcNow();
        lock (gate)
        {
            foreach (var slot in slots.Where(s => s.Repository.Enabled))
            {
                slot.NextRun = start + slot.Repository.Interval * random.NextDouble();
            }
        }

        running = true;
        logger.LogInformation("scheduler started: {Enabled} repositories scheduled, {Disabled} disabled, at most {Max} runs at once",
            slots.Count(s => s.Repository.Enabled), slots.Count(s => !s.Repository.Enabled), settings.MaxConcurrentRuns);
        foreach (var disabled in slots.Where(s => !s.Repository.Enabled))
        {
            logger.LogError("repository disabled: {Error}", disabled.Repository.Error);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task signal;
                DateTimeOffset? due;
                lock (gate)
                {
                    signal = wake.Task;
                    var now = time.GetUtcNow();
                    StartDue(now);
                    due = NextWait(now) is { } wait ? now + wait : null;
                }

                // the timer is cancelled when a trigger wakes the loop first, so triggers leave no timers behind. Its
                // wait is measured from the clock as it is armed, not as read under the gate: a clock that moved in
                // between (a test's fake clock set to the due time) would otherwise arm it past the due time
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = due is { } at ? Task.Delay(Max(at - time.GetUtcNow(), TimeSpan.Zero), time, pause.Token) : Task.Delay(Timeout.Infinite, pause.Token);
                await Task.WhenAny(signal, delay).ConfigureAwait(false);
                await pause.CancelAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            stopping = true;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task[] left;
        lock (gate)
        {
            left = [.. active];
        }

        if (left.Length > 0)
        {
            logger.LogInformation("stopping: waiting up to {Timeout} for {Count} running reconciles", settings.ShutdownTimeout, left.Length);
            var all = Task.WhenAll(left);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(all, Task.Delay(settings.ShutdownTimeout, time, deadline.Token)).ConfigureAwait(false);
            await deadline.CancelAsync().ConfigureAwait(false);
            if (!all.IsCompleted)
            {
                logger.LogWarning("stopping: cancelling {Count} reconciles still running after {Timeout}; the next run finishes their work", left.Count(t => !t.IsCompleted), settings.ShutdownTimeout);
                await runs.CancelAsync().ConfigureAwait(false);
                // a cancelled run releases its lease and records its end; wait for that, not for ever
                await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System, cancellationToken)).ConfigureAwait(false);
            }
        }

        running = false;
    }

    public override void Dispose()
    {
        runs.Dispose();
        base.Dispose();
    }

    /// <summary>The enabled repository named <paramref name="repository"/> (case-insensitive), or null. Under the gate.</summary>
    private Slot? Enabled(string repository) =>
        slots.FirstOrDefault(s => s.Repository.Enabled && string.Equals(s.Repository.Name, repository, StringComparison.OrdinalIgnoreCase));

    private void Wake()
    {
        TaskCompletionSource old;
        lock (gate)
        {
            old = wake;
            wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    /// <summary>Starts what is due, triggered repositories first, within the bound. Under the gate.</summary>
    private void StartDue(DateTimeOffset now)
    {
        if (stopping)
        {
            return;
        }

        var due = slots
            .Where(s => s.Repository.Enabled && !s.Running && ((s.PendingTrigger is not null && !(s.TriggerNotBefore > now)) || s.NextRun <= now))
            .OrderBy(s => s.PendingTrigger is null)
            .ThenBy(s => s.NextRun)
            .ToList();
        foreach (var slot in due)
        {
            if (active.Count >= settings.MaxConcurrentRuns)
            {
                break;
            }

            var trigger = slot.PendingTrigger ?? RunTrigger.Schedule;
            var refresh = slot.PendingRefresh;
            slot.PendingTrigger = null;
            slot.PendingRefresh = false;
            slot.TriggerNotBefore = null;
            slot.Running = true;
            slot.LastRunStarted = now;
            var task = Task.Run(() => RunOneAsync(slot, trigger, refresh));
            active.Add(task);
            _ = task.ContinueWith(t =>
            {
                lock (gate)
                {
                    active.Remove(t);
                }

                Wake();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>How long until the next idle repository is due; null when none is (only a trigger wakes the loop). Under the gate.</summary>
    private TimeSpan? NextWait(DateTimeOffset now)
    {
        if (active.Count >= settings.MaxConcurrentRuns)
        {
            return null;
        }

        var next = slots.Where(s => s.Repository.Enabled && !s.Running).Select(s => s.EffectiveNextRun).Where(n => n is not null).Min();
        return next is { } at ? (at > now ? at - now : TimeSpan.Zero) : null;
    }

    private async Task RunOneAsync(Slot slot, RunTrigger trigger, bool refresh)
    {
        var repository = slot.Repository;
        var started = time.GetTimestamp();
        Notify(() => observer.RunStarted(repository.Name, trigger));
        logger.LogDebug("reconcile started: {Repository} ({Trigger})", repository.Name, trigger.Text);
        RunResult? result = null;
        string? error = null;
        string? skipped = null;
        try
        {
            result = await run(new ReconcileRequest(repository, trigger, refresh), runs.Token).ConfigureAwait(false);
        }
        catch (RepositoryLockedException e)
        {
            skipped = redactor.Redact(e.Message);
        }
        catch (OperationCanceledException) when (runs.IsCancellationRequested)
        {
            error = "cancelled at shutdown; the next run finishes its work";
        }
        catch (Exception e)
        {
            error = redactor.Redact(e is RunNotRecordedException && e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }

        var duration = time.GetElapsedTime(started);
        var now = time.GetUtcNow();
        lock (gate)
        {
            slot.Running = false;
            slot.LastRunEnded = now;
            if (skipped is not null)
            {
                slot.LastOutcome = $"skipped: {skipped}";
                slot.NextRun = now + Jittered(repository.Interval);
                if (trigger.Kind != TriggerKind.Schedule)
                {
                    // the other replica may have started before the webhook's push: keep the trigger (and its
                    // refresh) and try again shortly, rather than lose it until the next scheduled run
                    slot.Trigger(trigger, refresh);
                    slot.TriggerNotBefore = now + LeaseRetry;
                }
            }
            else if (result is not null)
            {
                slot.Record(result);
                // a partial run (some images checked, some lookups failed) shows its errors but is not backed off
                slot.ConsecutiveFailures = RunOutcomes.CouldDoNothing(result) ? slot.ConsecutiveFailures + 1 : 0;
                slot.NextRun = now + Jittered(Backoff(repository.Interval, slot.ConsecutiveFailures));
            }
            else
            {
                slot.LastRunSucceeded = false;
                slot.LastOutcome = $"failed: {error}";
                slot.ConsecutiveFailures++;
                slot.NextRun = now + Jittered(Backoff(repository.Interval, slot.ConsecutiveFailures));
            }
        }

        if (skipped is not null)
        {
            logger.LogInformation("reconcile skipped: {Repository}: {Reason}", repository.Name, skipped);
            Notify(() => observer.RunSkipped(repository.Name, trigger, skipped));
            return;
        }

        if (result is not null)
        {
            logger.LogDebug("reconcile finished: {Repository} ({Trigger}) in {Duration}: {Outcome}", repository.Name, trigger.Text, duration, slot.LastOutcome);
        }
        else
        {
            logger.LogDebug("reconcile failed: {Repository} ({Trigger}) after {Duration}: {Error}", repository.Name, trigger.Text, duration, error);
        }

        Notify(() => observer.RunFinished(repository.Name, trigger, duration, result, error));
    }

    /// <summary>The wait after <paramref name="failures"/> consecutive failures: interval × 2^failures, at most <see cref="MaxBackoff"/> (or the interval when longer).</summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        if (failures <= 0)
        {
            return interval;
        }

        var cap = interval > MaxBackoff ? interval : MaxBackoff;
        var factor = Math.Pow(2, Math.Min(failures, 20));
        return interval.TotalSeconds * factor >= cap.TotalSeconds ? cap : interval * factor;
    }

    private TimeSpan Jittered(TimeSpan wait)
    {
        double share;
        lock (random)
        {
            share = (random.NextDouble() * 2) - 1;
        }

        return wait + (wait * (JitterFraction * share));
    }

    private void Notify(Action call)
    {
        try
        {
            call();
        }
#pragma warning disable CA1031 // an observer must not stop the scheduler
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning("a serve observer failed: {Error}", redactor.Redact(e.Message));
        }
    }

    /// <summary>One repository's scheduling state; read and written under the scheduler's gate.</summary>
    private sealed class Slot(ServiceRepository repository)
    {
        public ServiceRepository Repository { get; } = repository;

        public bool Running { get; set; }

        public DateTimeOffset? NextRun { get; set; }

        public RunTrigger? PendingTrigger { get; set; }

        public bool PendingRefresh { get; set; }

        /// <summary>A pending trigger does not start before this (set after a lease-skipped triggered run).</summary>
        public DateTimeOffset? TriggerNotBefore { get; set; }

        /// <summary>When this slot runs next: the scheduled time, or a held-back trigger's retry when that is earlier.</summary>
        public DateTimeOffset? EffectiveNextRun => PendingTrigger is not null && TriggerNotBefore is { } retry && !(NextRun < retry) ? retry : NextRun;

        public DateTimeOffset? LastRunStarted { get; set; }

        public DateTimeOffset? LastRunEnded { get; set; }

        public string? LastRunId { get; set; }

        public bool? LastRunSucceeded { get; set; }

        public string? LastOutcome { get; set; }

        public int ConsecutiveFailures { get; set; }

        public int? PendingUpdates { get; set; }

        public Uri? PullRequestUrl { get; set; }

        public HashSet<string>? Images { get; set; }

        /// <summary>The base branches the last run that published published against (one per scope); null before one did.</summary>
        public IReadOnlyList<string>? BaseBranches { get; set; }

        /// <summary>A trigger: the first reason is kept; any number of triggers before the run starts make one run.</summary>
        public void Trigger(RunTrigger trigger, bool refresh)
        {
            PendingTrigger ??= trigger;
            PendingRefresh |= refresh;
        }

        public void Record(RunResult result)
        {
            LastRunId = result.RunId;
            LastRunSucceeded = !result.HasErrors;
            LastOutcome = RunOutcomes.Describe(result);
            PendingUpdates = result.Scopes.Sum(s => s.Plan.Changes.Count);
            PullRequestUrl = result.Scopes.Select(s => s.Outcome.PullRequestUrl).FirstOrDefault(u => u is not null) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
            Images = [.. RunOutcomes.Images(result)];
            if (result.Scopes.Count > 0)
            {
                BaseBranches = [.. result.Scopes.Select(s => s.Settings.BaseBranch).Distinct(StringComparer.Ordinal)];
            }
        }

        public RepositoryStatus Status() => new(
            Repository.Name,
            Repository.Url,
            Repository.Interval,
            Repository.Error,
            Running,
            Repository.Enabled ? EffectiveNextRun : null,
            LastRunStarted,
            LastRunEnded,
            LastRunId,
            LastRunSucceeded,
            LastOutcome,
            ConsecutiveFailures,
            PendingUpdates,
            PullRequestUrl,
            Images is null ? null : [.. Images]);
    }
}
