package fr.mel.opale.web.layout;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language switch: {@code ?lang=en} or {@code ?lang=fr} on any page stores the choice through the
 * {@code localeResolver} of opale-access (a cookie). Machine interfaces (API, OGC API, DCAT) are left out: they
 * negotiate by {@code Accept-Language} and must not set cookies or read a {@code lang} parameter of their own.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        // ?lang=<garbage> must not turn a page into an error
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**", "/ogcapi/**", "/dcat/**");
    }
}
