// Lets Program.cs map the user and task endpoints in its one added line (app.MapUsers().MapTasks()).
global using Vorlagen.Api.Features.Tasks;
global using Vorlagen.Api.Features.Users;
