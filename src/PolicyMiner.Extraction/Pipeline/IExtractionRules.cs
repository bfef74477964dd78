namespace PolicyMiner.Extraction.Pipeline;

/// <summary>A rule that recognises something at the characters that can open it (digits, 年, 责, 牵 …).</summary>
/// <remarks>Implementations are stateless and thread-safe; everything they find goes into the <see cref="ExtractionContext"/>.</remarks>
public interface IScanRule
{
    /// <summary>Short name for diagnostics.</summary>
    string Name { get; }

    /// <summary>The characters at which <see cref="Scan"/> is called.</summary>
    string Triggers { get; }

    /// <summary>Looks at <paramref name="position"/> (holding a trigger) and records what it finds; returns the position to continue
    /// scanning from for this rule (at least <paramref name="position"/> + 1).</summary>
    int Scan(ExtractionContext context, int position);
}

/// <summary>A rule that fills, refines or rejects target drafts once scanning is done.</summary>
/// <remarks>Rules run in pipeline order, each over every live draft of the document. Stateless and thread-safe.</remarks>
public interface ITargetRule
{
    /// <summary>Short name for diagnostics.</summary>
    string Name { get; }

    /// <summary>Processes every draft of the document (rejected ones are skipped by convention).</summary>
    void Apply(ExtractionContext context);
}

/// <summary>A rule that reads the document's structure (its tables) once, after the character scan and before drafts are made;
/// it may add quantity mentions the character scan cannot see (a bare number in a table cell whose unit is in another column).</summary>
/// <remarks>Stateless and thread-safe, like every rule.</remarks>
public interface IStructureRule
{
    /// <summary>Short name for diagnostics.</summary>
    string Name { get; }

    /// <summary>Reads the document's structure and records what it finds in <paramref name="context"/>.</summary>
    void Scan(ExtractionContext context);
}
