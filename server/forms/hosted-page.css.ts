// Styles of the hosted form page, inlined (one request, no asset pipeline for a public page).
export const HOSTED_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;background:#f3f5fa;color:#1f2330;padding:56px 16px;
  font:16px/1.5 Inter,ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.card{max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e6f0;border-radius:16px;padding:36px 36px 24px;
  box-shadow:0 1px 2px rgba(16,24,40,.04),0 12px 32px rgba(16,24,40,.07)}
h1{font-size:26px;line-height:1.25;margin:0 0 24px;font-weight:650;letter-spacing:-.01em}
.field{margin:0 0 20px;border:0;padding:0;min-width:0}
label,.legend{display:block;font-weight:550;font-size:14px;margin:0 0 6px;padding:0}
.req{color:#d6336c;margin-left:3px}
.help{color:#667085;font-size:13px;margin:-2px 0 8px}
input[type=text],input[type=email],input[type=tel],input[type=number],input[type=date],select,textarea{
  display:block;width:100%;font:inherit;color:inherit;background:#fff;padding:10px 12px;
  border:1px solid #cfd5e1;border-radius:9px;transition:border-color .12s,box-shadow .12s}
textarea{resize:vertical;min-height:96px}
input:focus,select:focus,textarea:focus{outline:none;border-color:#4059d8;box-shadow:0 0 0 3px rgba(64,89,216,.18)}
.invalid input[type=text],.invalid input[type=email],.invalid input[type=tel],.invalid input[type=number],
.invalid input[type=date],.invalid select,.invalid textarea{border-color:#e03131}
.error{color:#c92a2a;font-size:13px;margin:6px 0 0}
.check{display:flex;gap:10px;align-items:flex-start;margin:0 0 6px}
.check input{flex:none;width:18px;height:18px;margin:3px 0 0;accent-color:#4059d8}
.check label{font-weight:400;font-size:15px;margin:0}
.consent .check label{font-size:14px;color:#475467}
.options{display:grid;gap:2px}
button{display:block;width:100%;margin-top:8px;font:inherit;font-weight:600;color:#fff;background:#4059d8;border:0;
  border-radius:9px;padding:12px 18px;cursor:pointer;transition:background .12s}
button:hover{background:#364fc2}
button:focus-visible{outline:3px solid rgba(64,89,216,.35);outline-offset:2px}
.summary{border:1px solid #ffc9c9;background:#fff5f5;color:#b42318;border-radius:10px;padding:12px 16px;margin:0 0 24px}
.summary-title{font-weight:600;margin:0}
.summary ul{margin:6px 0 0;padding-left:20px}
.summary a{color:inherit}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.footer{margin:24px 0 0;text-align:center;color:#98a2b3;font-size:12px}
.done{text-align:center;padding:8px 0 12px}
.done h1{margin-bottom:12px}
.done p{color:#475467;margin:0 0 8px}
.icon{width:56px;height:56px;margin:0 auto 16px;border-radius:50%;display:flex;align-items:center;justify-content:center;
  background:#e6fcf5;color:#0ca678}
@media (max-width:520px){body{padding:16px 10px}.card{padding:24px 20px 16px}}
`;
