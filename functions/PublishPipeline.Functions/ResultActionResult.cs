using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PublishPipeline.Functions;

/// <summary>Lets an HTTP function return the shared API's <see cref="IResult"/> (the Functions worker executes IActionResult).</summary>
internal sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
