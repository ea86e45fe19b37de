using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

public sealed class FlowSchemaApiTests
{
    [Fact]
    public async Task The_editor_serves_the_flow_schema_with_one_alternative_per_step_kind()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");

        var schema = await editor.GetFromJsonAsync<JsonElement>("/editor/api/schema/flow");

        var kinds = schema.GetProperty("properties").GetProperty("steps").GetProperty("items").GetProperty("oneOf")
            .EnumerateArray().Select(k => k.GetProperty("title").GetString()).ToList();
        Assert.Equal(Dialogs.Steps.StepKinds.All.Select(k => k.Key), kinds);
    }

}
