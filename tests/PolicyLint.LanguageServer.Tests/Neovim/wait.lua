-- Run after the README's configuration has started the server for the opened buffer: wait for its diagnostics and
-- write them to POLICYLINT_NVIM_OUT as "line:col severity code message".
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, string.format('%d:%d %s %s %s', d.lnum + 1, d.col + 1, d.severity, code, d.message))
end
if not ok then table.insert(lines, 'timeout: no diagnostics') end
vim.fn.writefile(lines, vim.env.POLICYLINT_NVIM_OUT)
vim.cmd('qa!')
