namespace PolicyMiner.Storage.Entities;

/// <summary>BSON shape of one ingest run (collection <c>ingest_runs</c>); <see cref="EndedAt"/> stays null if the run was killed.</summary>
internal sealed class IngestRunEntity
{
    public int Id { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string ToolVersion { get; set; } = "";

    public string ExtractorVersion { get; set; } = "";

    public List<string> Inputs { get; set; } = [];

    public int Files { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Failed { get; set; }

    public int Targets { get; set; }

    public int Duplicates { get; set; }
}

/// <summary>BSON shape of one file that could not be ingested (collection <c>ingest_errors</c>).</summary>
internal sealed class IngestErrorEntity
{
    public int Id { get; set; }

    public int RunId { get; set; }

    public string Path { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTime At { get; set; }
}
