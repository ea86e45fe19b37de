using AuroraBots.Editor.Storage;
using StackExchange.Redis;
using Mark = AuroraBots.Editor.Coverage.TranslationHistory.Mark;

namespace AuroraBots.Editor.Coverage;

/// <summary>
/// The marks as one JSON value, <c>{prefix}editor:translations</c>, shared by every instance. Updates are optimistic:
/// the new value is written only if the key still holds what was read (a transaction condition), else read and retried.
/// </summary>
public sealed class RedisTranslationHistoryStore(RedisEditorConnection redis) : ITranslationHistoryStore
{
    private const int Attempts = 10;

    public async Task<Dictionary<string, Dictionary<string, Mark>>> ReadAsync(CancellationToken cancellationToken) =>
        TranslationHistory.Parse(await redis.RunAsync(async db => (string?)await db.StringGetAsync(redis.Translations)));

    public async Task UpdateAsync(Func<Dictionary<string, Dictionary<string, Mark>>, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var committed = await redis.RunAsync(async db =>
            {
                var before = await db.StringGetAsync(redis.Translations);
                var marks = TranslationHistory.Parse(before);
                if (!change(marks)) return true;
                var transaction = db.CreateTransaction();
                transaction.AddCondition(before.IsNull ? Condition.KeyNotExists(redis.Translations) : Condition.StringEqual(redis.Translations, before));
                _ = transaction.StringSetAsync(redis.Translations, TranslationHistory.Serialize(marks));
                return await transaction.ExecuteAsync();
            });
            if (committed) return;
        }
        throw new InvalidOperationException($"The translation history changed {Attempts} times while being updated; the marks of this save were not recorded.");
    }
}
