# Sourced by the setup scripts. Started from an npm script (npm test, npm run package), the outer npm's settings
# are in the environment and would leak into our own npm installs: npm_config_user_agent names the outer Node
# (code-server's postinstall then refuses to build), npm_config_loglevel=silent hides every error,
# npm_config_local_prefix points at the project. Drop them; keep what describes the network (registry, proxies,
# CA) and the npm cache.
for v in $(compgen -e | grep -E '^npm_' || true); do
  case "$v" in
    npm_config_registry | npm_config_cache | npm_config_userconfig | npm_config_proxy | npm_config_https_proxy | \
      npm_config_noproxy | npm_config_no_proxy | npm_config_strict_ssl | npm_config_cafile | npm_config_ca) ;;
    *) unset "$v" ;;
  esac
done
