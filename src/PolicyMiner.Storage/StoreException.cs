namespace PolicyMiner.Storage;

/// <summary>A database that cannot be used as asked: written by a newer PolicyMiner, not a PolicyMiner database, or locked.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreException()
    {
    }
}
