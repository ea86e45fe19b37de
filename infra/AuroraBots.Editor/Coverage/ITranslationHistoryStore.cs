using Mark = AuroraBots.Editor.Coverage.TranslationHistory.Mark;

namespace AuroraBots.Editor.Coverage;

/// <summary>Where <see cref="TranslationHistory"/> keeps its marks (<c>file#path</c> → language → mark).</summary>
public interface ITranslationHistoryStore
{
    Task<Dictionary<string, Dictionary<string, Mark>>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the current marks as one atomic step (it returns whether it changed anything).
    /// It may run more than once when another writer got in between, so it must only depend on the marks it is given.
    /// </summary>
    Task UpdateAsync(Func<Dictionary<string, Dictionary<string, Mark>>, bool> change, CancellationToken cancellationToken);
}
