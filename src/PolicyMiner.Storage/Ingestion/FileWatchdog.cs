namespace PolicyMiner.Storage.Ingestion;

/// <summary>
/// Runs one file's reading and extraction under a time budget: the base limit plus a share for each slow step the reading
/// reports (OCR pages), so a long scan that keeps moving is read while a file stuck anywhere still fails. A stage that does
/// not return is abandoned (its result is dropped), since .NET cannot stop a thread from outside.
/// </summary>
/// <remarks>Shared by the local batch and the team-mode worker, so both give a file the same time.</remarks>
internal static class FileWatchdog
{
    /// <summary>The work's result, or the one-line reason it was abandoned.</summary>
    public static async Task<(T? Result, string? Abandoned)> RunAsync<T>(Func<ReadProgress, T> work, IngestOptions options, CancellationToken cancellationToken)
    {
        var limit = options.EffectiveMaxTimePerFile;
        var perStep = options.EffectiveTimePerStep;
        var clock = options.EffectiveClock;
        var progress = new ReadProgress();
        var started = clock.GetTimestamp();
        var task = Task.Run(() => work(progress), CancellationToken.None);
        while (true)
        {
            // The budget grows with each step done; waiting until the current deadline, then looking again, costs one timer per step.
            var remaining = limit + (perStep * progress.Steps) - clock.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            // One timer per wait and nothing else: thousands of small files a minute pass through here, and a linked token
            // source, a delay task and a WhenAny for each were measurable in bench ingest. Ends when the work does, at the
            // deadline, or when the batch is cancelled; which of them is read from the tasks, not from an exception.
            await ((Task)task.WaitAsync(remaining, clock, cancellationToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (task.IsCompleted)
            {
                return (await task.ConfigureAwait(false), null);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        if (task.IsCompleted)
        {
            return (await task.ConfigureAwait(false), null);
        }

        var steps = progress.Steps;
        var budget = limit + (perStep * steps);
        return (default, steps == 0
            ? $"reading and extraction took over {limit.TotalSeconds:0.#} s (limit); abandoned"
            : $"reading and extraction took over {budget.TotalSeconds:0.#} s (limit {limit.TotalSeconds:0.#} s + {perStep.TotalSeconds:0.#} s for each of {steps} OCR pages read); abandoned");
    }
}
