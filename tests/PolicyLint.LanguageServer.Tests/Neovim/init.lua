-- Headless Neovim (0.7+): start policylint's server with the built-in client, open the document, write what it shows.
local server = vim.env.POLICYLINT_SERVER
local cmd = server:match('%.dll$') and { 'dotnet', server, 'server' } or { server, 'server' }
local out = vim.env.POLICYLINT_NVIM_OUT
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.POLICYLINT_DOC))
local id = vim.lsp.start_client({ name = 'policylint', cmd = cmd, root_dir = vim.env.POLICYLINT_ROOT })
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, string.format('%d:%d %s %s %s', d.lnum + 1, d.col + 1, d.severity, code, d.message))
end
if not ok then table.insert(lines, 'timeout') end
vim.fn.writefile(lines, out)
vim.cmd('qa!')
