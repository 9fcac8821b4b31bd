package jiuzhu.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The one login page for Tasklist, Cockpit and Admin, in Chinese first (the staff's language) with English beside
 * it. Plain HTML without scripts or external resources, so it works under the strictest Content-Security-Policy.
 */
@Controller
class LoginPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"error\">用户名或密码错误，或登录尝试过于频繁，请稍后再试。<br>"
                    + "Wrong user name or password, or too many attempts: please try again later.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"info\">您已退出登录。 / You have been signed out.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>救助 Jiuzhu — 登录 / Sign in</title>
                <style>
                body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f4f5f7;margin:0}
                main{max-width:360px;margin:10vh auto;background:#fff;padding:2em;border-radius:6px;box-shadow:0 1px 4px #0002}
                h1{font-size:1.4em;margin:0 0 1em}label{display:block;margin:.8em 0 .3em}
                input{width:100%%;padding:.5em;box-sizing:border-box;font-size:1em}
                button{margin-top:1.2em;width:100%%;padding:.6em;font-size:1em;background:#b5152b;color:#fff;border:0;border-radius:4px}
                .error{color:#b5152b}.info{color:#2a6}
                </style>
                </head>
                <body><main>
                <h1>救助 Jiuzhu<br><small>社会救助经办系统 / social assistance</small></h1>
                %s
                <form method="post" action="login">
                <label for="username">用户名 / User name</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码 / Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input name="%s" type="hidden" value="%s">
                <button type="submit">登录 / Sign in</button>
                </form>
                </main></body></html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
