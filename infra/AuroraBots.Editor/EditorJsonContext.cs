using System.Text.Json;
using System.Text.Json.Serialization;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Coverage;
using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor;

/// <summary>Source-generated JSON for what the editor writes to disk (version metadata, audit lines).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(List<Users.ManagedUser>))]
[JsonSerializable(typeof(Users.ManagedUser))]
[JsonSerializable(typeof(List<Security.UserStamp>))]
[JsonSerializable(typeof(Security.UserStamp))]
[JsonSerializable(typeof(List<Reviews.Review>))]
[JsonSerializable(typeof(Reviews.Review))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, TranslationHistory.Mark>>))]
internal sealed partial class EditorJsonContext : JsonSerializerContext;
