using LiteDB;

namespace PolicyMiner.Storage.Schema;

/// <summary>One step of the database schema: brings a database at <c>Version - 1</c> to <see cref="Version"/>.</summary>
/// <remarks>Steps must be idempotent: a kill between a step's commit and the version bump runs the step again.
/// <paramref name="AfterCommit"/> runs once the step is committed and the version bumped, outside a transaction (LiteDB drops
/// collections only there); it must only tidy up, since a kill may skip it.</remarks>
internal sealed record StoreMigration(int Version, string Description, Action<ILiteDatabase> Apply, Action<ILiteDatabase>? AfterCommit = null);
