namespace PolicyMiner.Storage;

/// <summary>How <see cref="PolicyStore.Open(string, StoreOpenOptions)"/> opens a database.</summary>
/// <param name="ReadOnly">A reader: the file is opened read-only, never created, and shares the lock with other readers.</param>
/// <param name="Wait">Wait while another process holds the database; false fails at once with a one-line reason.</param>
/// <param name="Purpose">What this process is doing (the verb), shown to those who wait for it.</param>
/// <param name="OnWaiting">Told once, with a one-line message, when the open has to wait.</param>
/// <param name="Serving">
/// A long-lived store (the review app): holds no lock between operations, so an ingest can write meanwhile; each read
/// takes the readers' lock and sees the last commit, each review write takes the writer's lock for its duration.
/// </param>
public sealed record StoreOpenOptions(
    bool ReadOnly = false,
    bool Wait = true,
    string Purpose = "policyminer",
    Action<string>? OnWaiting = null,
    CancellationToken CancellationToken = default,
    bool Serving = false);
