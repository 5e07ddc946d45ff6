!function(t){t=window.tandem=window.tandem||[];"identify track page consent reset".split(" ").forEach(function(m){t[m]=t[m]||function(){t.push([m].concat([].slice.call(arguments)))}})}();
