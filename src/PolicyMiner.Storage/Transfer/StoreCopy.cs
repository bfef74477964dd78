using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Storage.Transfer;

/// <summary>One stored document as it is kept: its record, text, sections and diagnostics, and every target with its review state.</summary>
internal sealed record DocumentRecord(DocumentEntity Document, DocumentContentEntity? Content, string Text, IReadOnlyList<TargetEntity> Targets);

/// <summary>Reading and writing a store's records as they are (ids, versions, review states and audit included), for <see cref="StoreCopy"/>.</summary>
internal interface IStoreTransfer
{
    /// <summary>Every document with its text and targets, in id order.</summary>
    IEnumerable<DocumentRecord> ReadDocuments();

    /// <summary>Writes documents exactly as read (ids kept), in one transaction.</summary>
    void WriteDocuments(IReadOnlyList<DocumentRecord> documents);

    /// <summary>The whole review audit trail, oldest first.</summary>
    IReadOnlyList<ReviewAuditEntry> ReadAudit();

    /// <summary>Appends audit entries in the order given.</summary>
    void WriteAudit(IReadOnlyList<ReviewAuditEntry> entries);

    /// <summary>Writes ingest runs with their ids, and the files that failed in them.</summary>
    void WriteRuns(IReadOnlyList<IngestRun> runs, IReadOnlyList<IngestFailure> failures);
}

/// <summary>What <see cref="StoreCopy.Copy"/> moved.</summary>
public sealed record StoreCopyResult(int Documents, int Targets, int AuditEntries, int Runs);

/// <summary>Copies a whole PolicyMiner database to another, LiteDB and PostgreSQL either way: documents, targets with their
/// ids, versions and review states, the audit trail and ingest runs.</summary>
public static class StoreCopy
{
    private const int DocumentsPerTransaction = 100;

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>, which must hold no documents yet.</summary>
    /// <param name="progress">Told the number of documents copied so far, after each transaction.</param>
    /// <exception cref="StoreException">The destination already holds documents.</exception>
    public static StoreCopyResult Copy(IPolicyStore from, IPolicyStore to, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (to.DocumentCount > 0 || to.Runs().Count > 0)
        {
            throw new StoreException($"{to.Location}: already holds {to.DocumentCount} documents; copy into an empty database");
        }

        var source = from as IStoreTransfer ?? throw new ArgumentException($"{from.GetType().Name} cannot be copied", nameof(from));
        var destination = to as IStoreTransfer ?? throw new ArgumentException($"{to.GetType().Name} cannot be copied into", nameof(to));
        var (documents, targets) = (0, 0);
        var batch = new List<DocumentRecord>(DocumentsPerTransaction);
        foreach (var record in source.ReadDocuments())
        {
            batch.Add(record);
            if (batch.Count == DocumentsPerTransaction)
            {
                Flush();
            }
        }

        Flush();
        var audit = source.ReadAudit();
        destination.WriteAudit(audit);
        var runs = from.Runs();
        destination.WriteRuns(runs, from.Failures());
        return new StoreCopyResult(documents, targets, audit.Count, runs.Count);

        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            destination.WriteDocuments(batch);
            documents += batch.Count;
            targets += batch.Sum(b => b.Targets.Count);
            batch.Clear();
            progress?.Invoke(documents);
        }
    }
}
