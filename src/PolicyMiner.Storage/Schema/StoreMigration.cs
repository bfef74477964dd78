using LiteDB;

namespace PolicyMiner.Storage.Schema;

/// <summary>One step of the database schema: brings a database at <c>Version - 1</c> to <see cref="Version"/>.</summary>
/// <remarks>Steps must be idempotent: a kill between a step's commit and the version bump runs the step again.</remarks>
internal sealed record StoreMigration(int Version, string Description, Action<ILiteDatabase> Apply);
